import Foundation
import Testing
@testable import WaymarkServer

@Suite struct InMemoryFilesTests {
    @Test func servesExactlyTheFilesItHolds() {
        let files = InMemoryFiles(["about/team/index.html": Data("x".utf8), "index.html": Data()])
        #expect(files.contents(of: "about/team/index.html") == Data("x".utf8))
        #expect(files.contents(of: "index.html") == Data())
        #expect(files.contents(of: "about/team") == nil && files.contents(of: "missing") == nil)
    }
}
