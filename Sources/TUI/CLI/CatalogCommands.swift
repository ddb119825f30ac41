import Domain
import Foundation
import Store

/// `catalog export|import|search`: the whole catalog as the JSON file documented in
/// `share/zwfw/catalog-format.md`.
enum CatalogCommands {
  static var all: [Command] {
    [
      Command(
        ["catalog", "export"], .option(.out("FILE.json")),
        summary: "导出事项库(现行版本,JSON;系统管理或事项管理,区级节点)", run: export),
      Command(
        ["catalog", "import"], "FILE.json|items.csv",
        .optional(.flag("--create-orgs", "按文件所载名称和类别创建本节点没有的实施主体单位")),
        .optional(
          .text(
            "--materials", "FILE.csv",
            "导入国家标准格式(GB/T 39046 表4)的 items.csv 时,同时给出其申请材料 materials.csv")), .optional(.quiet),
        summary: "导入事项库:新增或有变化的事项合记为一项变更申请,须另一名事项管理员审核,通过即全部生效、退回则都不生效(新区事项库为空时首次导入即生效);文件有误则全部不导入",
        run: importFile),
      Command(
        ["catalog", "review"], "CHANGE", .option(.flag("--approve", "审核通过")),
        .optional(.text("--note", "TEXT", "审核意见")), .alternative, "CHANGE",
        .option(.text("--return", "REASON", "退回并说明理由")),
        summary: "审核变更申请:通过后待系统测试(导入事项库的变更通过即全部生效),或退回;不能审核自己起草的", run: review),
      Command(
        ["catalog", "guide"], "CODE", .optional(.text("--at", "VERSION", "版本号(默认现行版本)")),
        .optional(.text("--out", "FILE", "写入新文件(不覆盖已有文件)")),
        .optional(.flag("--print", "发送到本节点打印机(zwfw notices set --printer)")),
        summary: "办事指南:事项某一版本(默认现行版本)的全部要素(含国家标准要素),A4 文书版式;输出到屏幕、文件或本节点打印机", run: guide),
      Command(
        ["catalog", "search"], "TEXT", .optional(.limit(1...1000)),
        summary: "按名称、别名、拼音(首字母如 gtgsdj,或全拼)或编码查找事项(编码 名称 实施主体 承诺时限 状态)", run: search),
    ]
  }

  static func export(_ env: CLIEnvironment, _ out: Output) throws {
    let path = try env.arguments.required("--out", "导出文件路径(如 catalog.json)")
    let store = try env.openStore()
    let text = try store.exportCatalog(by: try env.resolveOperator(store))
    // A new file only: an existing one (the database above all) is never replaced.
    try store.files.write(Data(text.utf8), to: path)
    out.line("已导出 \(try store.catalogItemCount()) 个事项到 \(path)")
  }

  static func importFile(_ env: CLIEnvironment, _ out: Output) throws {
    let path = try env.arguments.positional(0, "事项库文件(JSON)")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StoreError.invalid("无法读取文件 \(path)")
    }
    let store = try env.openStore()
    let create = env.arguments.has("--create-orgs")
    let summary: CatalogImportSummary
    if path.lowercased().hasSuffix(".csv") {
      // 国家标准格式的实施清单: items.csv with its materials.csv.
      guard let materialsPath = env.arguments.option("--materials") else {
        throw UsageError("导入 \(path)(国家标准格式)须用 --materials 给出申请材料文件 materials.csv")
      }
      guard let materials = FileManager.default.contents(atPath: materialsPath) else {
        throw StoreError.invalid("无法读取文件 \(materialsPath)")
      }
      summary = try store.importNationalCatalog(
        items: data, itemsName: (path as NSString).lastPathComponent, materials: materials,
        materialsName: (materialsPath as NSString).lastPathComponent, createOrganisations: create,
        by: try env.resolveOperator(store), progress: env.reporter)
    } else {
      if env.arguments.option("--materials") != nil {
        throw UsageError("--materials 只用于导入国家标准格式的 items.csv")
      }
      summary = try store.importCatalog(
        data, source: (path as NSString).lastPathComponent, createOrganisations: create,
        by: try env.resolveOperator(store), progress: env.reporter)
    }
    for o in summary.createdOrganisations {
      out.line("已按文件创建单位 \(o.code) \(o.name)(\(o.kind.title))")
    }
    out.line(
      "已导入 \(path): 新开通 \(summary.opened.count) 项,变更 \(summary.changed.count) 项,未变化 \(summary.unchanged.count) 项"
    )
    if let id = summary.changeIDs.first, let last = summary.changeIDs.last {
      let count = summary.opened.count + summary.changed.count
      out.line(
        summary.firstLoad
          ? "首次导入(本区事项库原为空),记录为变更申请 \(id)\(id == last ? "" : " 至 \(last)")(已生效)"
          : "\(count)个事项记录为一项变更申请 \(id),已提交审核:须由另一名事项管理员在事项库「变更申请」中审核(a 通过即全部生效,r 退回则都不生效),或 zwfw catalog review \(id)"
      )
    }
  }

  static func review(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let id = try a.positional(0, "变更申请编号")
    let reason = a.option("--return")
    guard a.has("--approve") != (reason != nil) else {
      throw UsageError("请给出 --approve 或 --return 理由(二者取一)")
    }
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    if let reason {
      let c = try store.perform(CatalogChangeCommand.sendBack(reason: reason), on: id, as: staff)
        .after
      out.line(c.isBatch ? "已退回变更申请 \(id),导入的\(c.touchedItems.count)个事项都不生效" : "已退回变更申请 \(id)")
    } else {
      let c = try store.perform(
        CatalogChangeCommand.approve(note: a.option("--note") ?? ""), on: id, as: staff
      ).after
      out.line(
        c.isBatch
          ? "变更申请 \(id) 已审核通过,导入的\(c.touchedItems.count)个事项已全部生效"
          : "变更申请 \(id) 已审核通过,待系统测试后生效")
    }
  }

  static func search(_ env: CLIEnvironment, _ out: Output) throws {
    let text = try env.arguments.positional(0, "名称、别名、拼音或编码")
    let limit = env.arguments.int("--limit") ?? 20
    let store = try env.openStore()
    let names = try store.organisationNames()
    for i in try store.searchCatalogSummaries(text, limit: limit) {
      out.line(
        [
          i.code, i.name, names[i.organisation] ?? i.organisation,
          CatalogItem.limitText(i.promisedDays), i.status.title,
        ].joined(separator: "\t"))
    }
  }
}

extension CatalogCommands {
  /// 办事指南 of one version, as printed (`ServiceGuide`).
  static func guide(_ env: CLIEnvironment, _ out: Output) throws {
    let code = try env.arguments.positional(0, "事项编码").uppercased()
    let store = try env.openStore()
    let item: CatalogItem?
    if let v = env.arguments.option("--at") {
      guard let n = Int(v), n >= 1 else { throw UsageError("--at 应为正整数(版本号)") }
      item = try store.catalogItem(code: code, version: n)
    } else {
      item = try store.catalogItem(code: code)
    }
    guard let item else { throw StoreError.invalid("没有事项 \(code) 或其该版本") }
    let text = ServiceGuide.text(
      item, organisationName: try store.organisationName(item.organisation) ?? item.organisation)
    if let path = env.arguments.option("--out") {
      try store.files.write(Data(text.utf8), to: path)
      out.line("已写出 \(item.name) 办事指南(第\(item.version)版)到 \(path)")
    } else if env.arguments.has("--print") {
      let outcome = CUPSClient().print(
        text: text, on: try PrintCommands.printer(store), title: "\(item.name)办事指南")
      guard outcome.isSubmitted else { throw Refusal(outcome.detail) }
      out.line(outcome.detail)
    } else {
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
        out.line(String(line))
      }
    }
  }
}
