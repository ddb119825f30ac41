import Domain
import Foundation
import Store

/// `node add`, `sync export|import|status`, `conflict list|resolve`.
enum SyncCommands {
  static var all: [Command] {
    [
      Command(
        ["node", "add"], .option(.text("--code", "C", "乡镇节点代码")),
        .option(.text("--name", "N", "乡镇节点名称")), .optional(.org("O,O", "该节点服务的单位代码,逗号分隔(默认同节点代码)")),
        .optional(.text("--region", "CODE", "该乡镇(街道)的行政区划代码(9位,以本区的6位代码开头)")),
        .option(.text("--out", "FILE", "登记文件(不覆盖已有文件)")),
        summary: "登记乡镇节点并写出登记文件(区级系统管理员)", run: nodeAdd),
      Command(
        ["node", "rekey"], "PEER", .option(.text("--out", "FILE", "新的登记文件(不覆盖已有文件;含密钥,须亲手带到乡镇)")),
        .alternative, .option(.text("--accept", "FILE", "乡镇: 区级生成的更换密钥文件")),
        summary: "更换配对密钥: 区级写出新的登记文件 / 乡镇接受该文件(系统管理员)", run: nodeRekey),
      Command(
        ["sync", "export"], .option(.text("--to", "PEER", "对端节点代码")),
        .option(.text("--out", "FILE", "同步文件(不覆盖已有文件)")), .or,
        .option(.text("--out-dir", "DIR", "写入该目录,文件名为 本节点-to-对端-序号.zwfwsync,从不覆盖")),
        .optional(.quiet),
        summary: "导出对方尚缺的事件到同步文件(系统管理员;--out-dir 按节点和序号命名,可定时运行)", run: export),
      Command(
        ["sync", "import"], "FILE", .optional(.quiet),
        summary: "导入同步文件(系统管理员)", run: importFile),
      Command(
        ["sync", "status"], summary: "同步状况: 对端节点、隔离区、告警、冲突", run: status),
      Command(
        ["conflict", "list"], summary: "列出待处理的冲突", run: conflictList),
      Command(
        ["conflict", "resolve"], "ORIGIN", "SEQ", .option(.text("--note", "TEXT", "处理意见")),
        summary: "处理冲突(督办)", run: conflictResolve),
    ]
  }

  /// `zwfw init --from-enrolment FILE`: the township becomes the node the district enrolled.
  static func initFromEnrolment(_ env: CLIEnvironment, _ out: Output, enrolment: String) throws {
    let (path, _) = env.databasePath
    if FileManager.default.fileExists(atPath: path) { throw StoreError.exists(path) }
    try FoundationCommands.prepareDirectory(for: path, group: env.arguments.option("--group"))
    let (store, summary) = try Store.createFromEnrolment(
      path: path, enrolment: enrolment, zone: env.zone, clock: env.clock,
      clockIsFixed: env.fixedNow != nil, actor: env.osLogin, progress: env.reporter)
    do {
      if env.arguments.option("--group") != nil || Privilege.isElevated {
        try NodeDirectory.shareFile(path)
      }
    } catch {
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
      throw error
    }
    let node = store.node
    out.line("已创建乡镇节点 \(node.code) \(node.name)(属 \(node.district)): \(path)")
    out.line(summary.message)
  }

  static func nodeAdd(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let code = try a.required("--code", "节点代码").uppercased()
    let name = try a.required("--name", "节点名称")
    let path = try a.required("--out", "登记文件路径")
    let orgs = (a.option("--org") ?? "").split(separator: ",").map {
      $0.trimmingSpaces().uppercased()
    }.filter { !$0.isEmpty }
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    let summary = try store.enrolNode(
      code: code, name: name, organisations: orgs,
      region: a.option("--region")?.trimmingSpacesAndNewlines(), path: path, by: admin,
      progress: env.reporter)
    out.line("已登记乡镇节点 \(code) \(name)。" + summary.message)
    out.line(carryByHand(path))
    out.line("在乡镇运行: zwfw init --from-enrolment \(path)")
  }

  /// The enrolment file holds the pair key: whoever has it can write bundles as either side.
  static func carryByHand(_ path: String) -> String {
    "登记文件 \(path) 含有本节点与该乡镇的配对密钥(仅本人可读):请由系统管理员亲手带到乡镇(不要用邮件或聊天工具传送),初始化后立即删除所有副本"
  }

  static func nodeRekey(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    if let file = a.option("--accept") {
      let summary = try store.acceptRekey(path: file, by: admin, progress: env.reporter)
      out.line("已更换与 \(store.node.district) 的配对密钥。" + summary.message)
      out.line("请立即删除文件 \(file) 的所有副本")
      return
    }
    let peer = try a.positional(0, "乡镇节点代码").uppercased()
    let path = try a.required("--out", "登记文件路径")
    let summary = try store.rekeyNode(peer, path: path, by: admin, progress: env.reporter)
    out.line("已为 \(peer) 生成新的配对密钥,此前的同步文件不再被接受。" + summary.message)
    out.line(carryByHand(path))
    out.line("在乡镇运行: zwfw node rekey --accept \(path)")
  }

  static func export(_ env: CLIEnvironment, _ out: Output) throws {
    let peer = try env.arguments.required("--to", "对端节点代码").uppercased()
    let dir = env.arguments.option("--out-dir")
    let named = dir == nil ? try env.arguments.required("--out", "同步文件路径(或 --out-dir 目录)") : nil
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    let path = try named ?? (dir ?? "") + "/" + store.nextBundleFileName(to: peer)
    let summary = try store.exportBundle(to: peer, path: path, by: admin, progress: env.reporter)
    out.line(summary.message)
  }

  static func importFile(_ env: CLIEnvironment, _ out: Output) throws {
    let path = try env.arguments.positional(0, "同步文件")
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    let summary = try store.importBundle(path: path, by: admin, progress: env.reporter)
    out.line(summary.message)
  }

  static func status(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let o = try store.syncOverview()
    let zone = env.zone
    out.line(
      "本节点 \(o.node.code) \(o.node.name)(\(o.node.isDistrict ? "区级" : "乡镇")节点,来源 \(o.node.origin))")
    for p in o.peers {
      let exp = p.lastExport.map { "\(zone.format($0.at)) 第\($0.serial)号 \($0.events)个事件" } ?? "无"
      let imp = p.lastImport.map { "\(zone.format($0.at)) 第\($0.serial)号 \($0.events)个事件" } ?? "无"
      let lack = p.lacking.isEmpty ? "无" : ImportSummary.describe(p.lacking)
      out.line("对端 \(p.code) \(p.name)\t最近导出: \(exp)\t最近导入: \(imp)\t对方尚缺: \(lack)")
    }
    for a in o.awaiting { out.line("隔离 \(a.description)") }
    for a in o.alarms { out.line("告警 \(zone.format(a.at)) \(a.message)") }
    for c in o.conflicts { out.line("冲突 \(c.origin) \(c.seq) \(c.stream) \(c.message)") }
  }

  static func conflictList(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    for c in try store.openConflicts() {
      out.line([c.origin, String(c.seq), c.stream, c.message].joined(separator: "\t"))
    }
  }

  static func conflictResolve(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let origin = try a.positional(0, "来源(如 BYQ.1)")
    let seqText = try a.positional(1, "事件序号")
    guard let seq = Int64(seqText), seq >= 1 else {
      throw UsageError("事件序号「\(FieldText.sanitizeForDisplay(seqText))」无效,应为正整数")
    }
    let note = try a.required("--note", "处理意见")
    let store = try env.openStore()
    let staff = try env.resolveOperator(store)
    try store.resolveConflict(origin: origin, seq: seq, resolution: note, by: staff)
    out.line("已处理冲突 \(origin) 第 \(seq) 号事件")
  }
}
