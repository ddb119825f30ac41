import Domain
import Store

/// The course every figures command takes (满意度, 按时办结, 投诉分析): open the store, name the
/// operator (whose visibility the figures follow), show the one step while the query runs — it
/// starts, then ends — and then write the CSV to `--out FILE`, saying what it holds, or print.
enum FiguresCommand {
  /// - Parameters:
  ///   - export: writes the CSV to the path and answers the line that says what it holds.
  ///   - print: prints the figures.
  static func run(
    _ env: CLIEnvironment, _ out: Output, step: String,
    export: (Store, Staff, _ path: String) throws -> String,
    print: (Store, Staff) throws -> Void
  ) throws {
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    env.reporter?(ProgressStep(step, done: 0, total: 1))
    if let path = env.arguments.option("--out") {
      out.line(try export(store, staff, path))
    } else {
      try print(store, staff)
    }
  }
}
