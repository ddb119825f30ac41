import Domain
import Foundation
import Store

/// `org contact`: an organisation's 全称, address and phone, as its notices print them.
enum OrgContactCommand {
  static var command: Command {
    Command(
      ["org", "contact"], "CODE",
      .optional(.text("--full-name", "NAME", "单位全称,含区名(如 白银区市场监督管理局,不超过40字;印在文书上)")),
      .optional(.text("--address", "TEXT", "办公地址(不超过60字)")),
      .optional(.text("--phone", "NUMBER", "咨询电话(手机或固定电话,如 0943-8221231)")),
      summary: "设置单位全称、办公地址和咨询电话(印在文书上;空值清除)", run: run)
  }

  static func run(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let code = try a.positional(0, "单位代码")
    let store = try env.openStore()
    try store.setOrganisationContact(
      code, fullName: a.option("--full-name"), address: a.option("--address"),
      phone: a.option("--phone"), by: try env.resolveOperator(store))
    guard let o = try store.organisationRecord(code) else { return }
    out.line(
      "单位 \(code): 全称 \(o.fullName ?? o.name);地址 \(o.address ?? "未登记");电话 \(o.phone ?? "未登记")")
  }
}
