import Domain
import Foundation
import Store

/// Printing, when this node has a printer set: `lp`, the queue, the CJK font (`PrintingCheck`).
enum PrintingChecks {
  static var all: [DoctorCheck] { [client, queue, font] }

  /// The configured printer, nil when notices are only saved.
  static func printer(_ c: DoctorContext) throws -> String? {
    try c.store().noticeSettings().printer
  }

  static func outcome(_ line: PrintingCheck.Line) -> DoctorOutcome {
    line.ok ? .pass(line.text) : .fail(line.text, fix: line.fix ?? "见 README 打印")
  }

  static var notSet: DoctorOutcome { .pass("未设置打印机(文书只保存,不打印)") }

  static let client = DoctorCheck("打印: lp") { c in
    guard try printer(c) != nil else { return notSet }
    return outcome(PrintingCheck.lp())
  }

  static let queue = DoctorCheck("打印: 打印机") { c in
    guard let p = try printer(c) else { return notSet }
    return outcome(PrintingCheck.queue(p))
  }

  static let font = DoctorCheck("打印: 中文字体") { c in
    guard try printer(c) != nil else { return notSet }
    return outcome(PrintingCheck.cjkFont())
  }
}
