import Testing
import WaymarkCore

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
}
