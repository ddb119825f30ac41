import Domain
import Foundation
import Store

/// `org add|list|rename|disable|enable`: the district's organisations (单位).
enum OrgCommands {
  static var all: [Command] {
    [
      Command(
        ["org", "add"], "CODE", .option(.text("--name", "NAME", "单位名称(不超过30字)")),
        .option(.text("--kind", "部门|乡镇|街道|中心", "单位类别: 部门、乡镇、街道 或 中心(区级)")),
        .optional(.text("--parent", "CODE", "上级单位代码")), .optional(OrgCreditCodeCommand.option),
        summary: "添加单位(系统管理员,区级节点)", run: add),
      Command(
        ["org", "list"], summary: "列出单位(代码 名称 类别 上级 状态)", run: list),
      OrgContactCommand.command,
      OrgCreditCodeCommand.command,
      Command(
        ["org", "rename"], "CODE", .option(.text("--name", "NAME", "新名称")),
        summary: "单位更名(代码不变)", run: rename),
      Command(
        ["org", "disable"], "CODE",
        summary: "停用单位(还有办理中案件或在用账号时拒绝)", run: { try disable($0, $1, true) }),
      Command(
        ["org", "enable"], "CODE",
        summary: "重新启用单位", run: { try disable($0, $1, false) }),
    ]
  }

  static func add(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let code = try a.positional(0, "单位代码")
    let name = try a.required("--name", "单位名称")
    let kindText = try a.required("--kind", "单位类别(部门、乡镇、街道或中心)")
    guard let kind = Organisation.Kind(title: kindText) else {
      throw UsageError("单位类别「\(FieldText.sanitizeForDisplay(kindText))」无效,应为 部门、乡镇、街道 或 中心")
    }
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    try store.addOrganisation(
      Organisation(
        code: code, name: name, kind: kind, parent: a.option("--parent"),
        creditCode: a.option("--credit-code")), by: admin)
    out.line("已添加单位 \(code) \(name.trimmingSpacesAndNewlines())(\(kind.title))")
  }

  static func list(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    for o in try store.organisations() {
      out.line(
        [o.code, o.name, o.kind.title, o.parent ?? "-", o.disabled ? "停用" : "在用"]
          .joined(separator: "\t"))
    }
  }

  static func rename(_ env: CLIEnvironment, _ out: Output) throws {
    let code = try env.arguments.positional(0, "单位代码")
    let name = try env.arguments.required("--name", "新名称")
    let store = try env.openStore()
    try store.renameOrganisation(code, to: name, by: try env.resolveOperator(store))
    out.line("已将单位 \(code) 更名为 \(name.trimmingSpacesAndNewlines())")
  }

  static func disable(_ env: CLIEnvironment, _ out: Output, _ disable: Bool) throws {
    let code = try env.arguments.positional(0, "单位代码")
    let store = try env.openStore()
    try store.setOrganisationDisabled(code, disable, by: try env.resolveOperator(store))
    out.line(disable ? "已停用单位 \(code)" : "已启用单位 \(code)")
  }
}
