import Testing
@testable import WaymarkCore

@Suite struct OutputPathRulesTests {
    @Test(arguments: ["index.html", "pl/pathways/adults/index.html", "assets/css/site.3f2a9c1d0b.css", ".well-known/security.txt",
                      "files/ulotka-po-polsku.pdf", "ar/تواصل/index.html", "console/index.html", "com10/index.html", "auxiliary.pdf",
                      String(repeating: "a", count: 255) + "/index.html"])
    func acceptsOrdinaryPaths(_ path: String) {
        #expect(OutputPathRules.problem(path: path) == nil)
    }

    @Test func refusesPathsOutsideTheFolder() {
        #expect(OutputPathRules.problem(path: "")?.reason == "the address is empty")
        #expect(OutputPathRules.problem(path: "/etc/passwd")?.reason == "it starts with '/', so it would be outside the site's folder")
        #expect(OutputPathRules.problem(path: "../../etc/x/index.html")
                == .init(reason: "it has '..' as a folder name, which would point outside its folder", segment: ".."))
        #expect(OutputPathRules.problem(path: "a/./b")?.segment == ".")
        #expect(OutputPathRules.problem(path: "a//b")?.reason == "it has an empty folder name (two '/' together, or one at the end)")
        #expect(OutputPathRules.problem(path: "a/")?.segment == "")
    }

    @Test func refusesCharactersSomeSystemsCannotTake() {
        #expect(OutputPathRules.problem(path: "a\\b/index.html")?.reason == "'a\\b' contains a backslash, which Windows reads as a folder separator")
        #expect(OutputPathRules.problem(path: "a\u{0}b")?.reason == "'a\u{FFFD}b' contains an invisible control character")
        #expect(OutputPathRules.problem(path: "a\u{1F}b")?.reason == "'a\u{FFFD}b' contains an invisible control character")
        #expect(OutputPathRules.problem(path: "a\u{85}b")?.reason == "'a\u{FFFD}b' contains an invisible control character")
        for character in ["<", ">", ":", "\"", "|", "?", "*"] {
            #expect(OutputPathRules.problem(path: "x/a\(character)b.pdf")?.reason == "'a\(character)b.pdf' contains '\(character)', which Windows does not allow in file names")
        }
        #expect(OutputPathRules.problem(path: "report./index.html")?.reason == "'report.' ends with a dot or a space, which Windows removes")
        #expect(OutputPathRules.problem(path: "report /index.html")?.segment == "report ")
    }

    @Test(arguments: ["CON", "con", "Prn", "aux.html", "NUL.tar.gz", "com1", "COM9.txt", "lpt1", "LPT9.pdf"])
    func refusesWindowsDeviceNames(_ name: String) {
        let problem = OutputPathRules.problem(path: "files/\(name)/index.html")
        #expect(problem?.segment == name)
        #expect(problem?.reason.hasPrefix("'\(name)' is a name Windows keeps for a device") == true)
    }

    @Test func refusesNamesAndPathsTooLong() {
        let name = String(repeating: "ą", count: 128)  // 256 bytes in UTF-8
        #expect(OutputPathRules.problem(path: name)?.reason
                == "the name '\(String(repeating: "ą", count: 40))…\(String(repeating: "ą", count: 10))' is 256 bytes long, more than the 255 a file or folder name may have")
        let deep = Array(repeating: String(repeating: "a", count: 200), count: 21).joined(separator: "/")
        #expect(OutputPathRules.problem(path: deep)?.reason == "it is 4220 bytes long, more than the 4096 a file path may have")
    }

    /// The one-pass check for ordinary names never lets through a name a rule refuses: random
    /// names from letters, digits and every character some rule is about.
    @Test func theFastPathForPlainNamesAgreesWithTheRules() {
        let alphabet: [String] = "aZ09-_. <>:\"|?*\\\u{7}ą".map(String.init) + ["con", "com1", "lpt9", "nul", "aux", "prn", "con.", ".."]
        var state: UInt64 = 20_261_202
        var plain = 0
        for _ in 0..<20_000 {
            var name = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 61) + 1
            for step in 0..<length {
                let shift = UInt64((8 * step) % 56)
                let pick = Int((state >> shift) % UInt64(alphabet.count))
                name += alphabet[pick]
            }
            if OutputPathRules.isPlainName(name) {
                plain += 1
                #expect(OutputPathRules.ruleProblem(segment: name) == nil, "\(name.debugDescription)")
            }
            #expect(OutputPathRules.problem(segment: name) == OutputPathRules.ruleProblem(segment: name), "\(name.debugDescription)")
        }
        #expect(plain > 1_000, "the fast path is taken for ordinary names")
        #expect(OutputPathRules.isPlainName("index.html") && OutputPathRules.isPlainName("f.6bbd4169"))
        #expect(!OutputPathRules.isPlainName("con.txt") && !OutputPathRules.isPlainName("name."))
        // Three- and four-letter names are plain unless they are a device's.
        for name in ["news", "feed.xml", "com0", "lpt", "cons", "com10", "auxx.html", "a-b"] {
            #expect(OutputPathRules.isPlainName(name), "\(name)")
        }
        for name in ["COM3.txt", "Nul", "aux.tar.gz", "LpT9", "prn"] {
            #expect(!OutputPathRules.isPlainName(name), "\(name)")
        }
    }

    /// Whole paths take the plain-name path segment by segment, and any other segment still
    /// gets its rule's reason.
    @Test func wholePathsOfPlainNamesPassAndOthersAreExplained() {
        #expect(OutputPathRules.problem(path: "pl/news/page-02956/index.html") == nil)
        #expect(OutputPathRules.problem(path: "a//b")?.reason.contains("empty folder name") == true)
        #expect(OutputPathRules.problem(path: "x/CON/index.html")?.segment == "CON")
        #expect(OutputPathRules.problem(path: "news/name./index.html")?.segment == "name.")
        #expect(OutputPathRules.problem(path: "zażółć/index.html") == nil)
        #expect(OutputPathRules.problem(path: "a/b/") != nil)
    }
}
