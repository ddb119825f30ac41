import Foundation
import TUI

// zwfw-bench — see README「性能 Performance」; options: `zwfw-bench --help` (BenchOptions).
func fail(_ message: String, status: Int32) -> Never {
  FileHandle.standardError.write(Data("zwfw-bench: \(message)\n".utf8))
  exit(status)
}

let args = Array(CommandLine.arguments.dropFirst())
do {
  // The child process ScreenBench starts to measure one first frame's memory (not for people).
  if args.first == "--rss-probe", args.count == 3 {
    try ScreenBench.rssProbe(path: args[1], login: args[2])
    exit(0)
  }
  // The child whose launch is timed as the first frame of a fresh process (not for people).
  if args.first == "--frame-probe", args.count == 3 {
    try ScreenBench.frameProbe(path: args[1], login: args[2])
    exit(0)
  }
  let options = try BenchOptions(args)
  if options.wantsHelp {
    print(BenchOptions.help)
    exit(0)
  }
  exit(try BenchRun(options: options).run())
} catch let e as UsageError {
  fail("\(e.message)\n运行 zwfw-bench --help 查看用法。", status: 64)
} catch {
  // The one wording of the workstation's CLI: a refused file names a free one, in Chinese.
  fail(CLI.message(for: error), status: 1)
}
