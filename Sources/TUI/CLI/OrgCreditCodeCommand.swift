import Domain
import Foundation
import Store

/// `org set CODE --credit-code C`: an organisation's 统一社会信用代码 (GB 32100), which the
/// national data sets name it by (GB/T 39046: 实施主体代码, 受理单位统一社会信用代码 …).
enum OrgCreditCodeCommand {
  static var command: Command {
    Command(
      ["org", "set"], "CODE", .option(option),
      summary: "登记或更正单位的统一社会信用代码(系统管理员,区级节点)", run: run)
  }

  /// Also `org add`'s.
  static let option = CommandOption.text("--credit-code", "C", "统一社会信用代码(18位,校验码按 GB 32100 核验)")

  static func run(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let code = try a.positional(0, "单位代码")
    let credit = try a.required("--credit-code", "统一社会信用代码")
    let store = try env.openStore()
    try store.setOrganisationCreditCode(code, credit, by: try env.resolveOperator(store))
    out.line("单位 \(code) 的统一社会信用代码已登记为 \(CreditCode.normalize(credit))")
  }
}
