import Domain
import Foundation
import Store

/// `init`, `demo`, `staff …`, `audit verify`, `rebuild`, `keys`.
enum FoundationCommands {
  static var all: [Command] {
    [
      Command(
        ["init"], .option(.text("--node", "CODE", "本节点代码(2至12位大写字母或数字,如 BYQ)")),
        .option(.text("--name", "NAME", "节点名称(如 白银区政务服务中心)")),
        .option(.text("--admin", "LOGIN", "第一位系统管理员的操作系统登录名")),
        .optional(.text("--admin-name", "NAME", "管理员姓名(默认同登录名)")),
        .option(.flag("--district", "创建区级节点")),
        .optional(.text("--region", "CODE", "本区的行政区划代码(6位,如白银区 620402;写入创世事件,上报省平台用)")),
        .optional(.group),
        .optional(.flag("--training", "创建培训节点: 可用 --as 和 --now,其登记的乡镇也是培训节点,不与生产节点交换数据")),
        .alternative, .option(.text("--from-enrolment", "FILE", "区级节点写出的登记文件(创建乡镇节点)")),
        .optional(.group),
        summary: "创建生产节点数据库: 区级节点,或用区级节点生成的登记文件创建乡镇节点", run: initNode),
      Command(
        ["demo"], .optional(.text("--db", "PATH", "数据库文件")),
        summary: "(重新)创建演示数据库", run: demo),
      Command(
        ["staff", "list"], summary: "列出工作人员(登录名 姓名 单位 角色)", run: staffList),
      Command(
        ["staff", "orgs"], summary: "列出单位(同 zwfw org list)", run: OrgCommands.list),
      Command(
        ["staff", "add"], "LOGIN", .option(.text("--name", "NAME", "姓名")), .option(.org("ORG")),
        .option(
          .text(
            "--roles", "R,R",
            "角色,逗号分隔: counter 窗口, handler 经办, supervisor 督办, catalog 事项管理, admin 系统管理, lead 负责人")),
        summary: "添加工作人员(系统管理员)", run: staffAdd),
      Command(
        ["staff", "roles"], "LOGIN", "R,R",
        summary: "调整角色(系统管理员)", run: staffRoles),
      Command(
        ["staff", "disable"], "LOGIN",
        summary: "停用账号(系统管理员)", run: { try staffDisable($0, $1, true) }),
      Command(
        ["staff", "enable"], "LOGIN",
        summary: "启用账号(系统管理员)", run: { try staffDisable($0, $1, false) }),
      Command(
        ["audit", "verify"], .optional(.flag("--fast", "哈希链只查序号、链接和链头,不重算每个事件的哈希")),
        .optional(.quiet),
        summary: "校验哈希链、节点身份、保护触发器,并把数据视图与事件日志重算比对", run: auditVerify),
      Command(
        ["rebuild"], .optional(.quiet),
        summary: "从事件日志重建全部数据视图", run: rebuild),
      Command(
        ["keys"], summary: "打印全部按键说明(Markdown)", run: keys),
      Command(
        ["doctor"], .optional(.text("--backup-dir", "DIR", "备份目录(默认数据库旁的 backups/)")),
        summary: "检查安装: 程序与数据目录权限、区域设置、节假日、磁盘、备份、同步、审计链;全部通过时退出状态为0", run: Doctor.command),
      Command(
        ["manpage"], summary: "打印 man 手册页(roff,即 share/man/man1/zwfw.1)",
        run: { _, out in out.line(String(ManPage.text().dropLast())) }),
    ]
  }

  static func initNode(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    if let enrolment = a.option("--from-enrolment") {
      return try SyncCommands.initFromEnrolment(env, out, enrolment: enrolment)
    }
    let code = try a.required("--node", "节点代码").uppercased()
    let name = try a.required("--name", "节点名称")
    let admin = try a.required("--admin", "管理员登录名")
    guard a.has("--district") else {
      throw UsageError("乡镇节点由区级节点登记后生成登记文件创建;本命令创建区级节点,请加 --district")
    }
    if let r = StaffReducer.checkLogin(admin) { throw r }
    // Fixed in the node's genesis event: a training node may be run at any time and as anyone.
    let training = a.has("--training")
    if env.fixedNow != nil, !training {
      throw UsageError(
        "zwfw init 创建生产节点,以系统时钟记时,不接受 --now 或 ZWFW_NOW;培训节点请加 --training,演示请用 zwfw demo")
    }
    let region = a.option("--region")?.trimmingSpacesAndNewlines()
    if let region, let r = RegionCode.checkDistrict(region) { throw r }
    let (path, _) = env.databasePath
    try prepareDirectory(for: path, group: a.option("--group"))
    let node = NodeIdentity(
      code: code, name: name, district: code, isDistrict: true, training: training, region: region)
    let org = Organisation(code: code, name: name, kind: .district)
    if let r = OrganisationReducer.check(org) { throw r }
    let share = try env.share()
    let store = try Store.create(path: path, node: node, zone: env.zone, clock: env.clock)
    do {
      try store.initialiseDistrict(
        organisation: org,
        admin: Staff(
          login: admin, name: a.option("--admin-name") ?? admin, org: code,
          roles: [.admin, .supervisor]),
        holidays: share.read("holidays.tsv"), actor: env.osLogin)
      try store.loadDefaultRules(rows: share.table("rules.tsv"), actor: env.osLogin)
      // Installed setgid, the clerks reach the file through the group: it must be group-writable.
      if a.option("--group") != nil || Privilege.isElevated { try NodeDirectory.shareFile(path) }
    } catch {
      for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
      throw error
    }
    out.line("已创建区级\(training ? "培训" : "")节点 \(code) \(name): \(path)")
    out.line("管理员: \(admin)。用 zwfw staff add 添加工作人员。")
  }

  /// The database's directory; with `--group`, shared by that group with the setgid bit.
  static func prepareDirectory(for path: String, group: String?) throws {
    let dir = (path as NSString).deletingLastPathComponent
    if let group {
      try NodeDirectory.prepareShared(directory: dir, group: group)
    } else if !dir.isEmpty {
      try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }
  }

  static func demo(_ env: CLIEnvironment, _ out: Output) throws {
    let (path, _) = env.databasePath
    let store = try Demo.create(
      path: path, share: env.share(), login: env.osLogin, zone: env.zone, clock: env.clock)
    out.line("已创建演示数据库: \(path)(\(try store.eventCount()) 个事件)")
    out.line("当前登录名「\(env.osLogin)」拥有全部角色;也可用 --as 登录名 扮演其他演示人员。")
  }

  static func staffList(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    for s in try store.allStaff() {
      out.line(
        [s.login, s.name, s.org, s.roleCodes + (s.disabled ? " (停用)" : "")].joined(separator: "\t"))
    }
  }

  static func staffAdd(_ env: CLIEnvironment, _ out: Output) throws {
    let a = env.arguments
    let login = try a.positional(0, "登录名")
    let name = try a.required("--name", "姓名")
    let org = try a.required("--org", "单位代码")
    let roles = try Role.parseList(try a.required("--roles", "角色")).get()
    let store = try env.openStore()
    let admin = try env.resolveOperator(store)
    try store.addStaff(Staff(login: login, name: name, org: org, roles: roles), by: admin)
    out.line("已添加工作人员 \(login) \(name)")
  }

  static func staffRoles(_ env: CLIEnvironment, _ out: Output) throws {
    let login = try env.arguments.positional(0, "登录名")
    let roles = try Role.parseList(try env.arguments.positional(1, "角色列表")).get()
    let store = try env.openStore()
    try store.changeRoles(login: login, to: roles, by: try env.resolveOperator(store))
    out.line("已将 \(login) 的角色调整为 \(roles.sorted().map(\.rawValue).joined(separator: ","))")
  }

  static func staffDisable(_ env: CLIEnvironment, _ out: Output, _ disable: Bool) throws {
    let login = try env.arguments.positional(0, "登录名")
    let store = try env.openStore()
    try store.setDisabled(login: login, disable, by: try env.resolveOperator(store))
    out.line(disable ? "已停用账号 \(login)" : "已启用账号 \(login)")
  }

  static func auditVerify(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    // Five checks: hash chain, node identity, triggers, actors, projections re-folded.
    let findings = try store.auditFindings(fast: env.arguments.has("--fast")) { done, total in
      env.reporter?(ProgressStep("审计校验", done: done, total: total))
    }
    guard findings.isEmpty else {
      let fixes = Set(findings.compactMap(\.fix)).sorted()
      throw StoreError.invalid(
        "审计校验发现 \(findings.count) 个问题:\n"
          + findings.map(\.message).joined(separator: "\n")
          + "\n处理: \(fixes.joined(separator: ";"))")
    }
    let report = try store.verifyAudit()
    out.line(
      "OK 审计链完整: \(report.eventCount) 个事件, \(report.origins.count) 个来源;保护触发器齐全;数据视图与事件日志一致")
  }

  static func rebuild(_ env: CLIEnvironment, _ out: Output) throws {
    let store = try env.openStore()
    let op = try env.resolveOperator(store)
    if let r = Permission.check(op, .rebuildProjections) {
      store.logRefusal(
        actor: op.login, action: .rebuildProjections, subject: nil, reason: r.message)
      throw r
    }
    try store.rebuild(progress: env.reporter)
    out.line("已从 \(try store.eventCount()) 个事件重建全部数据视图")
  }

  static func keys(_ env: CLIEnvironment, _ out: Output) throws {
    out.line(KeyReference.markdown())
  }
}
