import Domain
import Foundation
import Store

/// `catalog packages [CODE]`: the 一件事 entries of the catalog (第十九条), and one package's
/// members and union checklist as the counter registers it. A package is added or changed like
/// any item: `catalog import` of a file whose entry has a `package` element, reviewed with
/// `catalog review`, or drafted in the 事项库 pane.
enum CatalogPackageCommands {
  static var all: [Command] {
    [
      Command(
        ["catalog", "packages"], "[CODE]",
        summary: "一件事:列出事项库中的一件事(编码 名称 状态 承诺时限 成员数);给出编码时列出其成员事项、共享材料和窗口一次收取的材料清单", run: packages)
    ]
  }

  static func packages(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    guard let code = env.arguments.positionals.first?.uppercased() else {
      for i in try store.allCatalogItems() where i.isPackage {
        out.line(
          [
            i.code, i.name, i.status.title, CatalogItem.limitText(i.promisedDays),
            "\(i.package?.members.count ?? 0)个成员",
          ].joined(separator: "\t"))
      }
      return
    }
    guard let item = try store.catalogItem(code: code), let package = item.package else {
      throw StoreError.invalid("事项库中没有一件事 \(code)")
    }
    out.line(
      "\(item.name)(\(item.code) 第\(item.version)版,\(item.status.title),承诺\(CatalogItem.limitText(item.promisedDays)))"
    )
    let names = try store.organisationNames()
    for (i, m) in package.members.enumerated() {
      let member = try store.catalogItem(code: m)
      let text =
        member.map {
          "\($0.name)\t\(names[$0.organisation] ?? $0.organisation)\t承诺\(CatalogItem.limitText($0.promisedDays))\t\($0.status.title)"
        } ?? "(不在事项库中)"
      out.line("成员\(i + 1)\t\(m)\t\(text)")
    }
    out.line(
      "共享材料\t"
        + (package.sharedMaterials.isEmpty ? "无" : package.sharedMaterials.joined(separator: "、")))
    // The checklist only when every member can take applications now (else: why not).
    do {
      let form = try store.packageForm(code: code)
      for (i, line) in form.checklist.lines.enumerated() {
        out.line("材料\(i + 1)\t\(line.requirement.name)\t\(line.requirement.summary)")
      }
    } catch let r as Refusal {
      out.line("现在不能登记: \(r.message)")
    }
  }
}
