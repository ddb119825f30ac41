import Foundation
import TUI

// Private by default: whatever zwfw (or SQLite for it) creates is the clerk's alone unless a file
// is given a shared mode on purpose (a node created with `--group`). The files hold ID numbers.
umask(0o077)
let status = CLI.run(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
  output: Output(passthrough: true))
exit(status)
