import CSQLite
import Foundation
import Store
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class CommandLineTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    XCTAssertEqual(try Zwfw.demo(db: db, home: home).status, 0)
  }

  func zwfw(_ args: String..., env: [String: String] = [:]) throws -> Zwfw.Result {
    try zwfw(args, env: env)
  }

  func zwfw(_ args: [String], env: [String: String] = [:]) throws -> Zwfw.Result {
    try Zwfw.run(["--db", db] + args, home: home, extraEnv: env)
  }

  func testCalendarQuestions() throws {
    XCTAssertEqual(try zwfw("calendar", "workday", "2026-10-01").out, "holiday 国庆节\n")
    XCTAssertEqual(try zwfw("calendar", "workday", "2026-02-14").out, "workday\n")
    XCTAssertEqual(try zwfw("calendar", "workday", "2026-11-28").out, "weekend\n")
    XCTAssertEqual(try zwfw("calendar", "add", "2026-02-13", "3").out, "2026-02-25\n")
    XCTAssertEqual(try zwfw("calendar", "between", "2026-02-13", "2026-02-25").out, "3\n")
    let years = try zwfw("calendar", "years")
    XCTAssertTrue(years.out.hasPrefix("2004\n"))
    XCTAssertTrue(years.out.hasSuffix("2026\n"))
    XCTAssertTrue(years.err.contains("2027"))
  }

  func testYearWithoutDataAnswersAndWarns() throws {
    let r = try zwfw("calendar", "workday", "2027-10-01")
    XCTAssertEqual(r.status, 0)
    XCTAssertEqual(r.out, "workday\n")
    XCTAssertEqual(r.err, "警告: 2027年节假日安排未导入,按周一至周五计算\n")
  }

  func testBadInputIsAClearUsageError() throws {
    for (args, fragment, help) in [
      (["calendar", "add", "2026-02-30", "3"], "日期「2026-02-30」无效", "calendar add"),
      (["calendar", "add", "2026-02-03", "-3"], "工作日数「-3」无效", "calendar add"),
      (["calendar", "add", "2026-02-03", "abc"], "工作日数「abc」无效", "calendar add"),
      (
        ["--now", "2026-11-26 9:30", "calendar", "years"], "时间「2026-11-26 9:30」格式不对",
        "calendar years"
      ),
      (["calendar", "frobnicate"], "缺少或写错了子命令", "calendar"),
      (["staff", "add"], "缺少参数: 登录名", "staff add"),
      (["frobnicate"], "未知命令「frobnicate」", nil),
    ] {
      let r = try zwfw(args)
      XCTAssertEqual(r.status, 64, "\(args): \(r.err)")
      XCTAssertTrue(r.err.contains(fragment), "\(args): \(r.err)")
      // The help that explains the mistake: the command's own, else its group's, else the list.
      let expected = ["zwfw", help, "--help"].compactMap { $0 }.joined(separator: " ")
      XCTAssertTrue(r.err.hasSuffix("运行 \(expected) 查看用法。\n"), r.err)
    }
  }

  /// A refusal (no such bundle recipient, no permission …) is not a usage mistake: no --help hint.
  func testARefusalDoesNotPointAtTheHelp() throws {
    let r = try zwfw(
      "--as", "zhengtao", "staff", "add", "lixin", "--name", "李欣", "--org", "WXZ", "--roles",
      "handler")
    XCTAssertEqual(r.status, 1, r.err)
    XCTAssertFalse(r.err.contains("--help"), r.err)
  }

  func testStaffCommandsAndRoles() throws {
    let list = try zwfw("staff", "list")
    XCTAssertTrue(list.out.contains("zhengtao\t郑涛\tWXZ\thandler\n"), list.out)
    XCTAssertEqual(
      try zwfw(
        "staff", "add", "lixin", "--name", "李欣", "--org", "WXZ", "--roles", "handler,counter"
      ).status, 0)
    XCTAssertTrue(try zwfw("staff", "list").out.contains("lixin\t李欣\tWXZ\tcounter,handler\n"))
    XCTAssertEqual(try zwfw("staff", "roles", "lixin", "handler").status, 0)
    XCTAssertEqual(try zwfw("staff", "disable", "lixin").status, 0)
    let asDisabled = try zwfw("--as", "lixin", "staff", "list")
    XCTAssertEqual(asDisabled.status, 0, "listing needs no operator")
    let add = try zwfw(
      "--as", "lixin", "staff", "add", "x2", "--name", "某", "--org", "WXZ", "--roles", "handler")
    XCTAssertEqual(add.status, 1)
    XCTAssertTrue(add.err.contains("账号「lixin」已停用"), add.err)
    let clerk = try zwfw(
      "--as", "liuyang", "staff", "add", "x2", "--name", "某", "--org", "WXZ", "--roles", "handler")
    XCTAssertEqual(clerk.status, 1)
    XCTAssertTrue(clerk.err.contains("刘洋没有系统管理角色"), clerk.err)
    let badRole = try zwfw("staff", "add", "x3", "--name", "某", "--org", "WXZ", "--roles", "boss")
    XCTAssertEqual(badRole.status, 1)
    XCTAssertTrue(badRole.err.contains("未知角色「boss」"), badRole.err)
  }

  func testUnknownOperatorIsRefusedAtStart() throws {
    let r = try zwfw("--as", "stranger")
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("不是本节点的工作人员"), r.err)
    XCTAssertTrue(r.err.contains("zwfw staff add stranger"), r.err)
  }

  func testAsIsRefusedOnAProductionNode() throws {
    let prod = home.appendingPathComponent("prod/node.db").path
    let created = try Zwfw.run(
      [
        "init", "--db", prod, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", "root",
        "--district",
      ], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    let r = try Zwfw.run(
      [
        "--db", prod, "--as", "zhangmin", "staff", "add", "a1", "--name", "甲", "--org", "BYQ",
        "--roles", "handler",
      ], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("--as 只能用于演示或培训数据库"), r.err)
    XCTAssertEqual(
      try Zwfw.run(["--db", prod, "calendar", "workday", "2026-10-01"], home: home).out,
      "holiday 国庆节\n")
  }

  /// Demo mode lives in the genesis event: setting the `training` column by hand does not let
  /// `--as` in, and a production node writes nothing at a time set by `--now` or `ZWFW_NOW`.
  func testProductionNodeRefusesAsAndNowWhateverItsTableSays() throws {
    let prod = home.appendingPathComponent("prod2/node.db").path
    let me = try XCTUnwrap(getpwuid(getuid())).pointee.pw_name.map { String(cString: $0) } ?? ""
    let created = try Zwfw.run(
      [
        "init", "--db", prod, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", me,
        "--district",
      ], home: home)
    XCTAssertEqual(created.status, 0, created.err)
    do {
      let db = try Connection(path: prod, mode: .readWrite(create: false))
      try db.execute("UPDATE local_node SET training = 1")
    }
    let asAdmin = try Zwfw.run(
      [
        "--db", prod, "--as", me, "staff", "add", "evil", "--name", "甲", "--org", "BYQ",
        "--roles", "admin",
      ], home: home)
    XCTAssertEqual(asAdmin.status, 1)
    XCTAssertTrue(asAdmin.err.contains("--as 只能用于演示或培训数据库"), asAdmin.err)
    // A time after the node's last event, so only the production rule can refuse it.
    for env in [["ZWFW_NOW": "2030-01-07T09:00"], [:]] {
      let args =
        (env.isEmpty ? ["--now", "2030-01-07T09:00"] : [])
        + ["--db", prod, "staff", "add", "a1", "--name", "甲", "--org", "BYQ", "--roles", "handler"]
      let write = try Zwfw.run(args, home: home, extraEnv: env)
      XCTAssertEqual(write.status, 1, write.out)
      XCTAssertTrue(write.err.contains("生产节点不按 --now 或 ZWFW_NOW 指定的时间写入"), write.err)
    }
    let added = try Zwfw.run(
      ["--db", prod, "staff", "add", "a1", "--name", "甲", "--org", "BYQ", "--roles", "handler"],
      home: home)
    XCTAssertEqual(added.status, 0, added.err)
    let read = try Zwfw.run(
      ["--db", prod, "--now", "2030-01-07T09:00", "calendar", "workday", "2026-10-01"], home: home)
    XCTAssertEqual(read.out, "holiday 国庆节\n", read.err)
    let initNow = try Zwfw.run(
      [
        "init", "--db", home.appendingPathComponent("prod3/n.db").path, "--now",
        "2026-10-09T09:00", "--node", "BYQ", "--name", "白银区", "--admin", "root", "--district",
      ], home: home)
    XCTAssertEqual(initNow.status, 64, initNow.err)
  }

  func testInitWithGroupSharesTheDataDirectory() throws {
    let dir = home.appendingPathComponent("shared-node")
    let prod = dir.appendingPathComponent("node.db").path
    let group = "root"
    let r = try Zwfw.run(
      [
        "init", "--db", prod, "--node", "BYQ", "--name", "白银区政务服务中心", "--admin", "root",
        "--district", "--group", group,
      ],
      home: home)
    XCTAssertEqual(r.status, 0, r.err)
    var st = stat()
    XCTAssertEqual(stat(dir.path, &st), 0)
    XCTAssertEqual(st.st_mode & 0o7777, 0o2770, "group rwx and setgid on the data directory")
    XCTAssertEqual(stat(prod, &st), 0)
    XCTAssertEqual(st.st_mode & 0o777, 0o660, "the database is group read-write")
    let missing = try Zwfw.run(
      [
        "init", "--db", home.appendingPathComponent("x/n.db").path, "--node", "BYQ", "--name",
        "白银区", "--admin", "root", "--district", "--group", "no-such-group-zwfw",
      ],
      home: home)
    XCTAssertEqual(missing.status, 1)
    XCTAssertTrue(missing.err.contains("用户组「no-such-group-zwfw」不存在"), missing.err)
  }

  func testForeignFileIsRefusedUntouched() throws {
    let path = home.appendingPathComponent("notes.txt").path
    try "不是数据库".write(toFile: path, atomically: true, encoding: .utf8)
    let r = try Zwfw.run(["--db", path, "staff", "list"], home: home)
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("不是 zwfw 数据库,文件未被改动"), r.err)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "不是数据库")
  }

  func testAuditVerifyCatchesAHandEdit() throws {
    let ok = try zwfw("audit", "verify")
    XCTAssertEqual(ok.status, 0)
    XCTAssertTrue(ok.out.hasPrefix("OK 审计链完整"), ok.out)
    var handle: OpaquePointer?
    XCTAssertEqual(sqlite3_open(db, &handle), SQLITE_OK)
    sqlite3_exec(
      handle, "DROP TRIGGER journal_no_update; UPDATE journal SET actor = 'mallory' WHERE seq = 5;",
      nil, nil, nil)
    sqlite3_close(handle)
    let broken = try zwfw("audit", "verify")
    XCTAssertEqual(broken.status, 1)
    XCTAssertTrue(broken.err.contains("第 5 号事件"), broken.err)
  }

  /// The audit certifies the projections and the guards too: a clerk made admin in the staff
  /// table, a deadline moved, a guard trigger dropped — each named, with the fix.
  func testAuditVerifyNamesEditedProjectionsAndDroppedTriggers() throws {
    var handle: OpaquePointer?
    XCTAssertEqual(sqlite3_open(db, &handle), SQLITE_OK)
    XCTAssertEqual(
      sqlite3_exec(
        handle,
        """
        UPDATE staff SET roles = 'admin,counter' WHERE login = 'liuyang';
        UPDATE deadline SET due_date = '2099-12-31'
          WHERE stream = (SELECT min(stream) FROM deadline);
        DROP TRIGGER journal_no_delete;
        """, nil, nil, nil), SQLITE_OK)
    sqlite3_close(handle)
    let broken = try zwfw("audit", "verify")
    XCTAssertEqual(broken.status, 1)
    XCTAssertTrue(
      broken.err.contains("staff 表与事件日志不一致: liuyang 的 roles 为「admin,counter」,按事件日志应为「counter」"),
      broken.err)
    XCTAssertTrue(broken.err.contains("deadline 表与事件日志不一致: "), broken.err)
    XCTAssertTrue(broken.err.contains("due_date 为「2099-12-31」"), broken.err)
    XCTAssertTrue(broken.err.contains("触发器 journal_no_delete 缺失"), broken.err)
    XCTAssertTrue(broken.err.contains("zwfw rebuild"), broken.err)
    XCTAssertEqual(try zwfw("rebuild").status, 0)
    let after = try zwfw("audit", "verify")
    XCTAssertEqual(after.status, 1)
    XCTAssertFalse(after.err.contains("staff 表"), after.err)
    XCTAssertTrue(after.err.contains("触发器 journal_no_delete 缺失"), after.err)
  }

  func testNonUTF8LocaleIsToldTheFixBeforeCursesStarts() throws {
    let r = try zwfw(env: ["LANG": "C"])
    XCTAssertEqual(r.status, 1)
    XCTAssertTrue(r.err.contains("export LANG=C.UTF-8"), r.err)
  }

  func testTwoProcessesOnOneDatabaseBothSucceed() throws {
    let group = DispatchGroup()
    let results = Results()
    for w in 0..<2 {
      group.enter()
      let dbPath = db
      let h = home!
      Thread.detachNewThread {
        defer { group.leave() }
        for i in 0..<6 {
          let r = try? Zwfw.run(
            [
              "--db", dbPath, "staff", "add", "p\(w)x\(i)", "--name", "并发", "--org", "WXZ",
              "--roles", "handler",
            ],
            home: h)
          results.add(r?.status ?? -1)
        }
      }
    }
    group.wait()
    XCTAssertEqual(results.all.count, 12)
    XCTAssertTrue(results.all.allSatisfy { $0 == 0 }, "\(results.all)")
    XCTAssertEqual(try zwfw("audit", "verify").status, 0)
  }

  func testVersionAndHelp() throws {
    XCTAssertTrue(try zwfw("--version").out.hasPrefix("zwfw "))
    let help = try zwfw("--help")
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.out.contains("calendar add DATE N"))
    XCTAssertTrue(
      try zwfw("calendar", "add", "--help").out.contains("用法: zwfw calendar add DATE N"))
  }

  func testReadmeKeyListMatchesTheKeymap() throws {
    let keys = try zwfw("keys").out.trimmingCharacters(in: .whitespacesAndNewlines)
    let readme = try String(
      contentsOf: Zwfw.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    XCTAssertTrue(
      readme.contains(keys), "README's key list is out of date; paste `zwfw keys` output")
  }
}

final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [Int32] = []
  func add(_ s: Int32) { lock.withLock { items.append(s) } }
  var all: [Int32] { lock.withLock { items } }
}
