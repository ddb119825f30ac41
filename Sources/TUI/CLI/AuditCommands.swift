import Domain
import Foundation
import Store

/// `audit refusals`: the refusal log — who tried what, when, on what, and why it was refused
/// (第二十四、四十三条). Supervisors and system admins only.
enum AuditCommands {
  static var all: [Command] {
    [
      Command(
        ["audit", "refusals"], .optional(.date("--from", "只列出该日期(YYYY-MM-DD,含)以后的记录")),
        .optional(.text("--actor", "LOGIN", "只列出该登录名的记录")),
        .optional(.integer("--limit", 1...10000, "最多列出的条数(1至10000,默认200)")),
        summary: "查看拒绝记录:谁在何时尝试了什么操作、针对哪个案件或文件、为何被拒绝(督办、系统管理)", run: refusals)
    ]
  }

  static func refusals(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let from = try a.date("--from")
    let limit = a.int("--limit") ?? 200
    let actor = a.option("--actor")
    if let actor, let p = FieldText.check(actor, field: "登录名", required: true, maxLength: 64) {
      throw UsageError(p.message)
    }
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    let rows = try store.refusalLog(
      RefusalQuery(from: from, actor: actor, limit: limit), for: staff)
    guard !rows.isEmpty else {
      out.line("没有拒绝记录" + (from.map { "(\($0.iso) 以后)" } ?? ""))
      return
    }
    out.line(["时间", "操作人", "节点", "操作", "对象", "拒绝原因"].joined(separator: "\t"))
    for r in rows {
      out.line(
        [
          store.zone.format(r.date), r.who, r.node, r.action, r.subject ?? "-",
          SafeText.line(r.reason),
        ].joined(separator: "\t"))
    }
    if rows.count == limit {
      out.line("(只列出最近 \(limit) 条;用 --from、--actor 或 --limit 查看更多)")
    }
  }
}
