import Foundation
import Testing
import Yams

/// The ready-made files of docs/publishing/: each parses, and its build step, run here with the
/// `waymark` SwiftPM built, builds the example site into the folder the host publishes. The
/// steps that install Waymark (a download, or a release build) are only checked for shell syntax.
@Suite struct PublishingWorkflowTests {
    static let folder = Repo.root + "/docs/publishing"

    @Test func gitHubPagesWorkflowBuildsIntoTheUploadedFolder() throws {
        let workflow = try yaml("github-pages.yml")
        let build = try #require(workflow["jobs"]?["build"])
        let steps = try #require(build["steps"]?.sequence).map { $0 }
        let upload = try #require(steps.first { $0["uses"]?.string?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(upload["uses"]?.string == "actions/upload-pages-artifact@v5")
        // Else the action leaves out every dot-folder, .well-known/security.txt with them.
        #expect(upload["with"]?["include-hidden-files"]?.string == "true")
        let published = try #require(upload["with"]?["path"]?.string)
        #expect(steps.contains { $0["uses"]?.string?.hasPrefix("actions/configure-pages@") == true && $0["id"]?.string == "pages" })
        let deploy = try #require(workflow["jobs"]?["deploy"])
        #expect(deploy["needs"]?.string == "build")
        #expect(deploy["steps"]?.sequence?.contains { $0["uses"]?.string == "actions/deploy-pages@v4" } == true)
        #expect(workflow["permissions"]?["pages"]?.string == "write" && workflow["permissions"]?["id-token"]?.string == "write")

        let install = try #require(steps.first { $0["name"]?.string == "Install Waymark" }?["run"]?.string)
        try expectShellSyntax(install)
        var command = try #require(steps.first { $0["name"]?.string == "Build the site" }?["run"]?.string)
        command = command.replacingOccurrences(of: "${{ steps.pages.outputs.base_url }}", with: "https://example.github.io/partnership")
        #expect(!command.contains("${{"), "an expression the test does not know: \(command)")

        let site = try SiteRepository()
        defer { site.cleanUp() }
        try site.run(command)
        try site.expectPublished(published, baseURL: "https://example.github.io/partnership/")
    }

    @Test func gitLabPagesJobBuildsIntoPublic() throws {
        let ci = try yaml("gitlab-ci.yml")
        let job = try #require(ci["pages"])
        #expect(job["artifacts"]?["paths"]?.sequence?.compactMap(\.string) == ["public"])
        #expect(job["rules"]?.sequence?.first?["if"]?.string == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
        #expect(ci["variables"]?["WAYMARK_DEB_URL"]?.string == "")
        try expectShellSyntax(try #require(job["before_script"]?.sequence).compactMap(\.string).joined(separator: "\n"))
        let script = try #require(job["script"]?.sequence).compactMap(\.string).joined(separator: "\n")

        let site = try SiteRepository()
        defer { site.cleanUp() }
        try site.run(script, environment: ["CI_PAGES_URL": "https://partners.gitlab.io/partnership"])
        try site.expectPublished("public", baseURL: "https://partners.gitlab.io/partnership/")
    }

    /// The whole build command runs, with a stand-in `curl` that hands over a tarball of the
    /// `waymark` built here laid out as scripts/package lays it out.
    @Test func netlifyBuildCommandDownloadsWaymarkAndForcesTheRedirects() throws {
        let config = try toml("netlify.toml")
        let build = try #require(config["build"] as? [String: Any])
        let publish = try #require(build["publish"] as? String)
        let command = try #require(build["command"] as? String)
        let environment = try #require(build["environment"] as? [String: String])
        let tarballURL = try #require(environment["WAYMARK_TARBALL_URL"])
        #expect(tarballURL.hasSuffix("-linux-amd64.tar.gz"))

        let site = try SiteRepository()
        defer { site.cleanUp() }
        try site.provideTarball()
        try site.run(command, environment: environment)
        try site.expectPublished(publish, baseURL: "https://example.org/")
        let redirects = try String(contentsOfFile: site.path + "/" + publish + "/_redirects", encoding: .utf8)
        #expect(redirects.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["/report-a-concern/ /report/ 301!"])
    }

    // MARK: - nginx and Apache

    /// The nginx snippet sends exactly the `/*` headers of the example's `_headers`.
    @Test func nginxSnippetSendsTheHeadersFile() throws {
        let headers = everyPathHeaders(try ExampleSite.tree())
        let lines = try lines("nginx-headers.conf").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let pattern = #"^add_header ([A-Za-z-]+) "([^"]*)" always;$"#
        let sent = lines.map { captures($0, pattern) }
        #expect(sent.count == lines.count && sent.allSatisfy { $0.count == 2 }, "a line that is not add_header Name \"value\" always;")
        #expect(sent.map { $0.first ?? "" } == headers.map(\.name))
        #expect(sent.map { $0.last ?? "" } == headers.map(\.value))
    }

    @Test func apacheSettingsSendTheHeadersFile() throws {
        let headers = everyPathHeaders(try ExampleSite.tree())
        let lines = try lines("apache.conf").map { $0.trimmingCharacters(in: .whitespaces) }
        let set = lines.compactMap { line -> [String]? in
            let found = captures(line, #"^Header always set ([A-Za-z-]+) "([^"]*)"$"#)
            return found.count == 2 ? found : nil
        }
        #expect(Array(set.prefix(headers.count)).map { $0[0] } == headers.map(\.name))
        #expect(Array(set.prefix(headers.count)).map { $0[1] } == headers.map(\.value))
        #expect(set.dropFirst(headers.count).map { $0[0] + ": " + $0[1] } == ["Cache-Control: no-cache", "Cache-Control: public, max-age=31536000, immutable"])
        #expect(!lines.contains { $0.hasPrefix("<IfModule") }, "without mod_headers the site must fail to start, not go out without its headers")
    }

    /// nginx's and Apache's "cache for a year" patterns pick out exactly the files `_headers`
    /// caches for a year, among every file of the example site.
    @Test func serverCachePatternsMatchTheHeadersFile() throws {
        let tree = try ExampleSite.tree()
        let rules = parseHeadersFile(text(tree, "_headers"))
        let nginx = try lines("nginx.conf").compactMap { captures($0, #"^\s*location ~ "(.+)" \{$"#).first }
            .filter { !$0.contains("_(headers") }
        let apache = try lines("apache.conf").compactMap { captures($0, #"^<If "(.+)">$"#).first }
            .flatMap { $0.components(separatedBy: " || ") }.compactMap { captures($0, "^%\\{REQUEST_URI\\} =~ m#(.+)#$").first }
        #expect(nginx.count == 2 && apache.count == 2, "\(nginx) \(apache)")
        let nginxBlock = try String(contentsOfFile: Self.folder + "/nginx.conf", encoding: .utf8)
        #expect(nginxBlock.components(separatedBy: "add_header Cache-Control \"public, max-age=31536000, immutable\" always;").count == 3)
        #expect(nginxBlock.components(separatedBy: "include /etc/nginx/snippets/waymark-headers.conf;").count == 4,
                "the server block and each location with add_header lines of its own include the headers")
        for path in tree.keys.sorted() {
            let url = "/" + path
            let forever = rules.filter { $0.matches(url) }.contains { $0.value("Cache-Control")?.contains("immutable") == true }
            #expect(nginx.contains { url.range(of: $0, options: .regularExpression) != nil } == forever, "nginx, \(url)")
            #expect(apache.contains { url.range(of: $0, options: .regularExpression) != nil } == forever, "Apache, \(url)")
        }
    }

    // MARK: - Helpers

    private func yaml(_ name: String) throws -> Node {
        try #require(try Yams.compose(yaml: String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)))
    }

    /// TOML through Python's tomllib (3.11 and later): Swift has no TOML reader here.
    private func toml(_ name: String) throws -> [String: Any] {
        let result = try runProcess(["python3", "-c", "import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], 'rb'))))",
                              Self.folder + "/" + name])
        try #require(result.status == 0, "python3 could not read \(name): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func lines(_ name: String) throws -> [String] {
        try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8).components(separatedBy: "\n")
    }

    private func expectShellSyntax(_ script: String) throws {
        let result = try runProcess(["bash", "-n", "-c", script])
        #expect(result.status == 0, "shell syntax: \(result.stderr)")
    }
}

/// The regular expression's groups in `text`, empty when it does not match.
func captures(_ text: String, _ pattern: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: pattern),
          let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return [] }
    return (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
}

/// Runs `arguments` (looked up on the PATH) and waits for it.
func runProcess(_ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes while the process runs, so neither fills up and stalls it.
    nonisolated(unsafe) var stderr = Data()
    let reader = Thread { stderr = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

/// A partnership's repository as the workflows expect it: the example content (with an alias,
/// so `_redirects` has a line), using the built-in theme, and a `bin/` holding the `waymark`
/// built here.
struct SiteRepository {
    let temp: TempDir
    var path: String { temp.path }
    var bin: String { temp.path + "/.test-bin" }

    init() throws {
        temp = try TempDir()
        let files = FileManager.default
        try files.copyItem(atPath: Repo.root + "/content", toPath: path + "/content")
        let report = path + "/content/report.md"
        let text = try String(contentsOfFile: report, encoding: .utf8)
        try #require(text.hasPrefix("---\n"))
        try ("---\naliases: [/report-a-concern/]\n" + text.dropFirst(4)).write(toFile: report, atomically: true, encoding: .utf8)
        try files.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: bin + "/waymark", withDestinationPath: waymarkExecutable().path)
    }

    func cleanUp() { temp.cleanUp() }

    /// A stand-in `curl` that writes a tarball of this `waymark` whatever it is asked for.
    func provideTarball() throws {
        let stage = path + "/.test-stage/waymark-0.0.0-linux-amd64"
        try FileManager.default.createDirectory(atPath: stage, withIntermediateDirectories: true)
        try executable(stage + "/waymark", "#!/bin/sh\nexec '\(waymarkExecutable().path)' \"$@\"\n")
        let tarball = path + "/.test-stage/waymark.tar.gz"
        let packed = try runProcess(["tar", "-czf", tarball, "-C", path + "/.test-stage", "waymark-0.0.0-linux-amd64"])
        try #require(packed.status == 0, "\(packed.stderr)")
        try FileManager.default.removeItem(atPath: bin + "/waymark")  // only the downloaded one may be used
        try executable(bin + "/curl", "#!/bin/sh\nexec cat '\(tarball)'\n")
    }

    private func executable(_ file: String, _ script: String) throws {
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
    }

    /// Runs `script` with `bash -e` in the repository, `bin/` first on the PATH.
    func run(_ script: String, environment: [String: String] = [:]) throws {
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["PATH"] = bin + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        let result = try runProcess(["bash", "-e", "-c", script], in: path, environment: env)
        try #require(result.status == 0, "the build step failed:\n\(script)\n\(result.stderr)")
    }

    /// The folder holds the built site with its host files, addressed at `baseURL`.
    func expectPublished(_ folder: String, baseURL: String) throws {
        let tree = readTree(path + "/" + folder)
        #expect(tree["index.html"] != nil && tree["404.html"] != nil)
        #expect(tree["_headers"] != nil && tree["_redirects"] != nil)
        #expect(text(tree, ".well-known/security.txt").contains("\nCanonical: \(baseURL).well-known/security.txt\n"))
        #expect(text(tree, "sitemap.xml").contains("<loc>\(baseURL)</loc>"))
        #expect(tree["report-a-concern/index.html"] != nil, "the alias's HTML redirect page")
    }
}
