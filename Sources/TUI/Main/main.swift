import Foundation
import TUI

let status = CLI.run(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
  output: Output(passthrough: true))
exit(status)
