import Foundation

// zwfw-bench — see README「性能 Performance」.
// Usage: zwfw-bench [--cases N] [--json FILE] [--dir DIR] [--sync-events N] [--runs N] [--keep] [--reuse] [--sync-only]
do {
  let args = Array(CommandLine.arguments.dropFirst())
  if args.first == "--rss-probe", args.count == 3 {
    try ScreenBench.rssProbe(path: args[1], login: args[2])
    exit(0)
  }
  let options = try BenchOptions(args)
  exit(try BenchRun(options: options).run())
} catch {
  FileHandle.standardError.write(Data("zwfw-bench: \(error)\n".utf8))
  exit(1)
}
