import Testing
@testable import WaymarkServer

@Suite struct ServerModuleTests {
    @Test func moduleLinks() { _ = PreviewServer.self }
}
