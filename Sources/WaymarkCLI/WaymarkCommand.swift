import ArgumentParser
import Foundation

/// The `waymark` command line.
public struct WaymarkCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "Build accessible, multilingual websites for anti-slavery partnerships.",
        version: WaymarkVersion.description,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ThemeCommand.self])

    public init() {}

    /// Parses `arguments` and runs the command, mapping outcomes to Waymark's exit codes:
    /// 0 success, 1 content errors, 2 usage errors.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let exit = exitCode(for: error)
            let message = fullMessage(for: error)
            if exit == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return 2
        }
    }
}
