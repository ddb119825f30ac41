import Foundation
import XCTest

/// The run, in the real binary under tmux: a supervisor registers and dispatches an urgent
/// complaint; the township clerk sees it with 剩3日, returns another within the window and fails to
/// return a third after it; asks an extension the supervisor approves; concludes; the supervisor
/// calls back 不满意 and the case reopens; a 督办 notice is issued and answered.
final class ComplaintsEndToEndTests: XCTestCase {
  var home: URL!
  var db: String { home.appendingPathComponent("demo.db").path }

  override func setUpWithError() throws {
    home = temporaryDirectory()
    // Made before the runs below: every step is stamped after the demo's latest event.
    XCTAssertEqual(
      try Zwfw.demo(db: db, now: "2026-11-26T09:30", home: home).status, 0)
  }

  /// The workstation as `login` at `now`, on the 投诉建议 pane.
  func open(_ login: String, _ now: String, width: Int = 100, height: Int = 30) throws -> Tmux {
    let t = try Tmux(
      width: width, height: height, arguments: ["--db", db, "--now", now, "--as", login],
      home: home)
    try t.waitFor("投诉建议")
    try t.type(try XCTUnwrap(try t.paneDigit("投诉建议")))
    try t.waitFor("m我的")
    return t
  }

  /// Finds a case by words of its subject in a view and opens it.
  func find(_ t: Tmux, _ words: String, view: String) throws {
    try t.keys(view)
    try t.keys("/")
    try t.type(words)
    try t.keys("Enter")
    try t.waitFor("搜索: \(words)")
    try t.keys("Enter")
    try t.waitFor("基本信息")
  }

  func quit(_ t: Tmux) throws {
    try t.keys("Escape", "F10")
    XCTAssertEqual(t.exitStatus(), 0)
  }

  /// A two-character word is found through the bigram index, in the subject or the content.
  func testTwoCharacterSearchInTheRealBinary() throws {
    let t = try open("chenjing", "2026-11-26T09:30", width: 80, height: 24)
    try t.keys("a", "/")
    try t.type("窗口")
    try t.keys("Enter")
    try t.waitFor("搜索「窗口」: 共4件")
    try t.waitFor("不动产登记中心窗口")
    try t.keys("x")
    try t.waitFor("已清除筛选和搜索")
    try t.keys("/")
    try t.type("医保")
    try t.keys("Enter")
    try t.waitFor("搜索「医保」: 共1件")
    try quit(t)
  }

  func testComplaintFromRegistrationToSupervision() throws {
    // 1. 陈静 registers an urgent complaint about 王岘镇 and dispatches it.
    var t = try open("chenjing", "2026-11-26T09:30")
    try t.keys("F2")
    try t.waitFor("登记投诉建议")
    try t.keys("Tab", "Tab")
    try t.type("紧急")
    try t.waitFor("紧急 3个工作日,截至 2026-12-01")
    try t.keys("Tab")
    try t.type("王岘镇某村路灯损坏两个月无人维修村民夜间出行不便")
    try t.keys("Tab")
    try t.type("村主干道路灯自九月起陆续损坏,多次向村委会反映无果。")
    try t.keys("Tab")
    try t.type("张三")
    try t.keys("Tab")
    try t.type("13912345678")
    try t.keys("Tab")
    try t.type("王岘")
    try t.keys("F5")
    let registered = try t.waitFor("已登记")
    let id = try XCTUnwrap(
      registered.range(of: "BYQ-2026-[0-9]{6}", options: .regularExpression).map {
        String(registered[$0])
      })
    try t.keys("d")
    try t.waitFor("分派 \(id) 至")
    try t.type("王岘")
    try t.keys("Enter")
    try t.waitFor("可在 2026-11-27 当日结束前退回")
    try t.keys("Enter")
    try t.waitFor("\(id) 已分派")
    try quit(t)

    // 2. 郑涛 sees it with 剩3日 and returns another case within its window.
    t = try open("zhengtao", "2026-11-26T10:00")
    let queue = try t.waitFor(id)
    let line = try XCTUnwrap(queue.split(separator: "\n").first { $0.contains(id) })
    XCTAssertTrue(line.contains("剩3日"), String(line))
    try find(t, "道路硬化", view: "u")
    try t.keys("r")
    try t.waitFor("退回理由")
    try t.type("该道路由区交通运输局组织建设,不属本镇职责")
    try t.keys("F5")
    try t.waitFor("退回区级平台?")
    try t.keys("Enter")
    try t.waitFor("已退回区级平台")
    try quit(t)

    // 3. The next day the window of a case dispatched on 11-25 has closed.
    t = try open("zhengtao", "2026-11-27T09:00")
    try find(t, "卫生院门诊", view: "u")
    try t.keys("r")
    try t.waitFor("视为已受理,不能退回(第三十三条)")
    try t.keys("Escape")
    try t.keys("x")
    try find(t, "路灯损坏", view: "m")
    try t.keys("e")
    try t.waitFor("只能申请1次")
    try t.type("2")
    try t.keys("Tab")
    try t.type("需协调供电所更换线路")
    try t.keys("F5")
    try t.waitFor("批准后办结期限为 2026-12-03")
    try t.keys("Enter")
    try t.waitFor("已申请延期2个工作日")
    try quit(t)

    // 4. 陈静 approves the extension.
    t = try open("chenjing", "2026-11-27T10:00")
    try t.waitFor("延期待批")
    try find(t, "路灯损坏", view: "m")
    try t.keys("a")
    try t.waitFor("审批延期 \(id)")
    try t.keys("F5")
    try t.keys("Enter")
    try t.waitFor("已批准延期")
    try t.waitFor("2026-12-03")
    try quit(t)

    // 5. 郑涛 concludes.
    t = try open("zhengtao", "2026-11-30T15:00")
    try find(t, "路灯损坏", view: "u")
    try t.keys("c")
    try t.waitFor("办结 \(id)")
    try t.type("已协调供电所更换线路,12盏路灯全部恢复照明。")
    try t.keys("F5")
    try t.keys("Enter")
    try t.waitFor("待回访")
    try quit(t)

    // 6. 陈静 calls back: 不满意, the case reopens; then a 督办 notice.
    t = try open("chenjing", "2026-12-01T09:00")
    try t.keys("h")
    try t.waitFor(id)
    try find(t, "路灯损坏", view: "h")
    try t.keys("h")
    try t.waitFor("回访 \(id)")
    try t.keys("Tab")
    try t.type("不满意")
    try t.keys("Tab")
    try t.type("村民反映仍有4盏路灯不亮")
    try t.keys("F5")
    try t.waitFor("重新办理,新的办结期限 2026-12-04")
    try t.keys("Enter")
    try t.waitFor("已重新办理")
    try t.waitFor("整改中")
    try t.keys("s")
    try t.waitFor("督办要求")
    try t.keys("Tab")
    try t.type("请于3个工作日内完成整改并回复")
    try t.keys("F5")
    try t.keys("Enter")
    try t.waitFor("已向王岘镇发出督办通知")
    try t.waitFor("督办待回复")
    try quit(t)

    // 7. 郑涛 answers the notice; the case view keeps both rounds.
    t = try open("zhengtao", "2026-12-01T14:00")
    try t.keys("d")
    try t.waitFor(id)
    try find(t, "路灯损坏", view: "d")
    try t.keys("y")
    try t.waitFor("回复督办")
    try t.type("已更换剩余4盏路灯,并与投诉人电话确认。")
    try t.keys("F5")
    try t.keys("Enter")
    try t.waitFor("已回复督办")
    try t.keys("PageDown")
    let history = try t.waitFor("第2轮")
    XCTAssertTrue(history.contains("第1轮"), history)
    try quit(t)
  }

  func testRulesAreDataTheDistrictAdminChanges() throws {
    let list = try Zwfw.run(["rules", "list", "--db", db], home: home)
    XCTAssertEqual(list.status, 0)
    XCTAssertTrue(list.out.contains("complaint.limit.urgent\t3\t紧急类投诉建议办理时限"), list.out)
    XCTAssertTrue(list.out.contains("complaint.returnWindow\t1\t"), list.out)
    let refused = try Zwfw.run(
      ["rules", "set", "complaint.limit.urgent", "4", "--db", db, "--as", "chenjing"], home: home)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.err.contains("陈静没有系统管理角色,不能修改规则参数"), refused.err)
    let bad = try Zwfw.run(
      ["rules", "set", "complaint.limit.urgent", "0", "--db", db, "--as", "zhangmin"], home: home)
    XCTAssertEqual(bad.status, 1)
    XCTAssertTrue(bad.err.contains("应为1至60之间的整数"), bad.err)
    let set = try Zwfw.run(
      [
        "rules", "set", "complaint.limit.urgent", "4", "--note", "试行", "--db", db, "--as",
        "zhangmin",
      ],
      home: home)
    XCTAssertEqual(set.status, 0, set.err)
    XCTAssertTrue(
      try Zwfw.run(["rules", "list", "--db", db], home: home).out.contains(
        "complaint.limit.urgent\t4(默认 3)"))
  }

  func testSupervisionPaneAtEightyByTwentyFour() throws {
    let t = try Tmux(
      width: 80, height: 24,
      arguments: ["--db", db, "--now", "2026-11-26T09:30", "--as", "chenjing"],
      home: home)
    try t.waitFor("督办")
    try t.type(try XCTUnwrap(try t.paneDigit("督办")))
    let board = try t.waitFor("最长超期")
    XCTAssertTrue(board.contains("王岘镇"), board)
    try t.keys("Enter")
    try t.waitFor("按超期时间排列")
    try t.keys("Escape", "t")
    try t.waitFor("BYQ督〔2026〕2号")
    try t.keys("q")
    XCTAssertEqual(t.exitStatus(), 0)
  }
}
