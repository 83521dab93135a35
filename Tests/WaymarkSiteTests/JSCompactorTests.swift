import Foundation
import Testing
@testable import WaymarkSite

@Suite("Compacting theme scripts")
struct JSCompactorTests {
    @Test func dropsCommentLinesBlankLinesAndIndentationOnly() {
        let source = """
        /* A block comment
         * over lines. */
        (() => {
          "use strict";
          // a line comment

          const a = "/* not a comment */ // nor this";  // a comment after code stays
          const re = /\\/\\*x/g;
          /* one line */
          return a + re;
        })();
        """
        #expect(JSCompactor.compact(source) == """
        (() => {
        "use strict";
        const a = "/* not a comment */ // nor this";  // a comment after code stays
        const re = /\\/\\*x/g;
        return a + re;
        })();

        """)
    }

    @Test func keepsLicenceComments() {
        let source = "/*! Licence: MIT\n * (c) someone */\nvar x = 1;\n"
        #expect(JSCompactor.compact(source) == "/*! Licence: MIT\n* (c) someone */\nvar x = 1;\n")
    }

    @Test(arguments: [
        "const t = `line one\n    line two`;\n",            // a template literal's indentation is text
        "const s = 'one \\\n    two';\n",                     // so is a continued string's
        "/* unclosed comment\nvar x = 1;\n",                  // not JavaScript as we know it
        "/* comment */ var x = 1;\n",                          // code after a comment on its line
    ])
    func leavesWhatItCannotBeSureOfAlone(source: String) {
        #expect(JSCompactor.compact(source) == source)
    }

    @Test func appliesToScriptsButNotMinifiedOnes() {
        #expect(JSCompactor.applies(to: "js/search.js"))
        #expect(!JSCompactor.applies(to: "js/vendor.min.js"))
        #expect(!JSCompactor.applies(to: "css/site.css"))
    }

    @Test func theDefaultThemesScriptsShrinkAndStillParse() throws {
        for name in ["search.js", "stem-en.js", "waymark.js"] {
            let source = try String(contentsOfFile: Repo.root + "/theme/assets/js/" + name, encoding: .utf8)
            let compacted = JSCompactor.compact(source)
            #expect(compacted.utf8.count < source.utf8.count * 3 / 4, "\(name) was not compacted")
            #expect(!compacted.contains("\n//") && !compacted.hasPrefix("/*"))
            let temp = try TempDir()
            defer { temp.cleanUp() }
            try temp.write([name: compacted])
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = ["node", "--check", temp.path + "/" + name]
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "node --check fails on the compacted \(name)")
        }
    }
}
