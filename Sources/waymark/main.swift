import Foundation
import WaymarkCLI

exit(WaymarkCommand.run(Array(CommandLine.arguments.dropFirst())))
