import Foundation
import Testing
@testable import WaymarkServer

@Suite struct InMemoryFilesTests {
    @Test func knowsFilesAndTheirFolders() {
        let files = InMemoryFiles(["about/team/index.html": Data("x".utf8), "index.html": Data()])
        #expect(files.contents(of: "about/team/index.html") == Data("x".utf8))
        #expect(files.isFolder("about") && files.isFolder("about/team") && files.isFolder(""))
        #expect(!files.isFolder("about/team/index.html") && files.contents(of: "missing") == nil)
    }
}
