import Foundation

/// Headless Chromium (or Google Chrome), found on the machine and run to print one page to PDF.
public struct Chromium: Sendable {
    /// The program's path.
    public var executable: String

    public init(executable: String) { self.executable = executable }

    /// The names looked for on `PATH`, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

    /// Where macOS and Windows install it, when it is not on `PATH`.
    static let usualPlaces = [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
        "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
    ]

    /// The environment variable that names the program to use instead (a path or a name on `PATH`).
    public static let overrideVariable = "WAYMARK_CHROMIUM"

    /// Chromium as `environment` finds it: `WAYMARK_CHROMIUM` when set, else the first of
    /// ``names`` on `PATH`, else the usual install places. Nil when there is none.
    public static func find(environment: [String: String]) -> Chromium? {
        let path = environment["PATH"] ?? ""
        if let chosen = environment[overrideVariable], !chosen.isEmpty {
            return executable(named: chosen, path: path).map(Chromium.init)
        }
        for name in names {
            if let found = executable(named: name, path: path) { return Chromium(executable: found) }
        }
        return usualPlaces.first(where: isExecutable).map(Chromium.init)
    }

    /// `name` itself when it is a path, else the first executable of that name on `path`.
    private static func executable(named name: String, path: String) -> String? {
        if name.contains("/") { return isExecutable(name) ? name : nil }
        #if os(Windows)
        let separator: Character = ";"
        #else
        let separator: Character = ":"
        #endif
        for folder in path.split(separator: separator) where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// How a print ended.
    public enum PrintOutcome: Sendable, Hashable {
        /// The PDF was written.
        case printed
        /// Chromium could not be started (the reason, from the system).
        case couldNotStart(String)
        /// It did not finish in time and was stopped.
        case timedOut
        /// It finished without writing the PDF (its exit status).
        case failed(Int32)
    }

    /// Prints the page at `page` (a file) to `pdf`, with a fresh profile in `profile` (removed
    /// afterwards), stopping Chromium after `timeout` seconds.
    public func printToPDF(page: String, pdf: String, profile: String, timeout: Double) -> PrintOutcome {
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try? FileManager.default.removeItem(atPath: pdf)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments(page: page, pdf: pdf, profile: profile)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .couldNotStart(error.localizedDescription)
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            stop(process, finished: finished)
            return .timedOut
        }
        let wrote = FileManager.default.fileExists(atPath: pdf)
        return wrote ? .printed : .failed(process.terminationStatus)
    }

    /// Asks Chromium to quit (it takes its helper processes with it), then forces it.
    private func stop(_ process: Process, finished: DispatchSemaphore) {
        process.terminate()
        if finished.wait(timeout: .now() + 5) == .timedOut {
            #if !os(Windows)
            kill(process.processIdentifier, SIGKILL)
            #endif
            _ = finished.wait(timeout: .now() + 5)
        }
    }

    /// The command line. `--no-sandbox` because the page is the site's own, just built, and the
    /// sandbox cannot start as root or in many containers (CI); no network, extensions or first-run
    /// work, so printing sends nothing anywhere.
    func arguments(page: String, pdf: String, profile: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-crash-reporter",
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            "--user-data-dir=" + profile,
            "--print-to-pdf=" + pdf,
            URL(fileURLWithPath: page).absoluteString,
        ]
    }
}
