import Domain
import Foundation
import Store

/// `templates list|add|edit|retire|move`: 常用语, the same store calls as 系统管理 → 常用语.
enum TemplateCommands {
  static let kindHelp =
    "常用语类别(代码或名称): "
    + PhraseKind.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: "、")

  static var all: [Command] {
    [
      Command(
        ["templates", "list"], .optional(.text("--kind", "K", kindHelp)),
        .optional(.org("CODE", "只列该单位的常用语(全区通用的用 --org 全区)")),
        summary: "列出在用的常用语(编号 类别 范围 顺序 内容):全区通用的在前,再按单位", run: list),
      Command(
        ["templates", "add"], .option(.text("--kind", "K", kindHelp)),
        .optional(.org("CODE", "所属单位代码(本节点服务的单位;区级节点可为任何单位添加)")),
        .option(.text("--text", "TEXT", "内容(一段文字,不超过\(PhraseTemplate.maxLength)字)")),
        summary: "添加常用语(系统管理员;不指定 --org 为全区通用,由区级节点维护)", run: add),
      Command(
        ["templates", "edit"], "ID", .optional(.text("--kind", "K", "新的类别")),
        .optional(.text("--text", "TEXT", "新的内容")),
        summary: "修改常用语的内容或类别(改类别时排到新类别的最后)", run: edit),
      Command(
        ["templates", "retire"], "ID",
        summary: "停用常用语(不再供选用,记录保留)", run: retire),
      Command(
        ["templates", "move"], "ID", "up|down",
        summary: "把常用语在同类别、同范围中前移(up)或后移(down)一位", run: move),
    ]
  }

  static func list(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let kind = try a.option("--kind").map { try PhraseKind.parse($0).get() }
    let store = try env.openStore()
    var scope: String?? = nil
    if let org = a.option("--org") {
      scope = org == PhraseTemplate.districtWide || org == "全区" ? .some(nil) : .some(org)
    }
    if case .some(.some(let code)) = scope, try store.organisation(code) == nil {
      throw Refusal("单位「\(FieldText.sanitizeForDisplay(code))」不存在,可用 zwfw org list 查看单位代码")
    }
    let names = Dictionary(
      try store.organisations().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    for p in try store.phrases(kind: kind, org: scope) {
      out.line(
        [
          p.id, p.kind.title, p.scopeTitle { names[$0] }, String(p.position), p.text,
        ].joined(separator: "\t"))
    }
  }

  static func add(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let kind = try PhraseKind.parse(try a.required("--kind", "常用语类别")).get()
    let text = try a.required("--text", "常用语内容")
    let store = try env.openStore()
    let p = try store.addPhrase(
      kind: kind, org: a.option("--org"), text: text, by: try env.resolveOperator(store))
    let scope = p.scopeTitle { try? store.organisationName($0) }
    out.line("已添加常用语 \(p.id)(\(kind.title),\(scope)): \(p.text)")
  }

  static func edit(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let id = try a.positional(0, "常用语编号(见 zwfw templates list)")
    let kind = try a.option("--kind").map { try PhraseKind.parse($0).get() }
    let text = a.option("--text")
    guard kind != nil || text != nil else { throw UsageError("请用 --text 或 --kind 指定要修改的内容") }
    let store = try env.openStore()
    try store.editPhrase(id, kind: kind, text: text, by: try env.resolveOperator(store))
    out.line("已修改常用语 \(id)")
  }

  static func retire(_ env: CLIEnvironment, _ out: Output) throws {
    let id = try env.arguments.positional(0, "常用语编号(见 zwfw templates list)")
    let store = try env.openStore()
    try store.retirePhrase(id, by: try env.resolveOperator(store))
    out.line("已停用常用语 \(id)")
  }

  static func move(_ env: CLIEnvironment, _ out: Output) throws {
    let id = try env.arguments.positional(0, "常用语编号(见 zwfw templates list)")
    let direction = try env.arguments.positional(1, "方向 up 或 down")
    guard direction == "up" || direction == "down" else {
      throw UsageError("方向应为 up(前移)或 down(后移)")
    }
    let store = try env.openStore()
    try store.movePhrase(id, up: direction == "up", by: try env.resolveOperator(store))
    out.line("已将常用语 \(id) \(direction == "up" ? "前移" : "后移")一位")
  }
}
