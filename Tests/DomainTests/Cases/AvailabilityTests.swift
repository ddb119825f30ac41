import XCTest

@testable import Domain

/// `availability` per kind and step: open, or refused with the reason a pane shows — the same
/// answer the store gives before deciding.
final class AvailabilityTests: XCTestCase {
  let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
  let handler = Staff(login: "zhengtao", name: "郑涛", org: "WXZ", roles: [.handler])
  let otherHandler = Staff(login: "huangmei", name: "黄梅", org: "SLZ", roles: [.handler])

  func open<M: CaseMachine>(_: M.Type, _ state: M.State, _ staff: Staff, at time: String)
    -> [M.Step]
  {
    M.availableSteps(state, .test(staff, at: time))
  }

  func why<M: CaseMachine>(
    _: M.Type, _ state: M.State, _ step: M.Step, _ staff: Staff, at time: String
  ) -> String? {
    M.availability(state, step, .test(staff, at: time))?.message
  }

  // MARK: - 投诉建议

  func testComplaintStepsAwaitingDispatch() throws {
    var s = ComplaintScript()
    XCTAssertNil(s.run(.registered(ComplaintScript.registration()), at: "2026-11-26T09:30"))
    let c = try XCTUnwrap(s.state)
    let at = "2026-11-26T10:00"
    XCTAssertEqual(
      open(ComplaintMachine.self, c, supervisor, at: at), [.dispatch, .reject, .merge])
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .dispatch, handler, at: at), "郑涛没有督办角色,不能分派投诉建议")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .conclude, supervisor, at: at), "陈静没有经办角色,不能办结投诉建议")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .callBack, supervisor, at: at),
      "BYQ-2026-000001 尚未办结(待分派),不能回访")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .split, supervisor, at: at), "BYQ-2026-000001 没有并入其他投诉建议,无需拆分")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .viewContent, supervisor, at: at), "BYQ-2026-000001 不涉及保密事项")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .decideExtension, supervisor, at: at),
      "BYQ-2026-000001 没有待审批的延期申请")
  }

  func testComplaintStepsWithTheHandlingOrganisation() throws {
    var s = ComplaintScript()
    XCTAssertNil(s.run(.registered(ComplaintScript.registration()), at: "2026-11-26T09:30"))
    XCTAssertNil(s.run(ComplaintScript.toWXZ, at: "2026-11-26T09:30"))
    let c = try XCTUnwrap(s.state)
    // Within the return window (1 working day) every handling step is open to WXZ's handler.
    XCTAssertEqual(
      open(ComplaintMachine.self, c, handler, at: "2026-11-26T15:00"),
      [.return, .reject, .requestExtension, .conclude, .invalidate, .merge])
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .return, otherHandler, at: "2026-11-26T15:00"),
      "只有王岘镇的工作人员可以退回投诉建议")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .return, handler, at: "2026-11-30T09:00"),
      "BYQ-2026-000001 已过退回期限(2026-11-27),视为已受理,不能退回")
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .dispatch, supervisor, at: "2026-11-26T15:00"),
      "BYQ-2026-000001 当前状态为「办理中」,不能分派")
    // Past the deadline an extension can no longer be asked for (第三十二条(五)).
    XCTAssertEqual(
      why(ComplaintMachine.self, c, .requestExtension, handler, at: "2026-12-02T09:00"),
      "BYQ-2026-000001 已超过办结期限(2026-12-01),不能再申请延期")
    XCTAssertEqual(ComplaintMachine.extensionLimit(c), 3)
  }

  // MARK: - 差评整改

  func testRectificationStepsFollowThePhaseAndTheReviewRule() throws {
    var run = try CaseRun()
    let s = try XCTUnwrap(run.state)
    let at = "2026-11-16T10:00"
    XCTAssertEqual(open(RectificationMachine.self, s, People.zhouqiang, at: at), [.verify])
    XCTAssertEqual(
      why(RectificationMachine.self, s, .review, People.chenjing, at: at),
      "案件处于「待核实」,不能复核(须在「待复核」阶段)")
    XCTAssertEqual(
      why(RectificationMachine.self, s, .verify, People.chenjing, at: at), "陈静没有经办角色,不能办理差评整改")
    XCTAssertNil(run.run(.claim(), by: People.zhouqiang, at: "2026-11-16T14:00"))
    let claimed = try XCTUnwrap(run.state)
    XCTAssertEqual(open(RectificationMachine.self, claimed, People.chenjing, at: at), [.review])
    XCTAssertEqual(
      why(RectificationMachine.self, claimed, .review, People.scjgSupervisor, at: at),
      "不能复核本单位提出的无效差评申请")
    XCTAssertEqual(
      why(RectificationMachine.self, claimed, .verify, People.zhouqiang, at: at),
      "案件处于「待复核」,不能核实(须在「待核实」阶段)")
  }

  func testRectificationStepsWhileRectifyingAndAwaitingCallback() throws {
    var run = try CaseRun()
    XCTAssertNil(run.run(.verifyImmediate(), by: People.zhouqiang, at: "2026-11-16T11:00"))
    let rectifying = try XCTUnwrap(run.state)
    let at = "2026-11-16T12:00"
    XCTAssertEqual(
      open(RectificationMachine.self, rectifying, People.zhouqiang, at: at), [.classify, .feedback])
    XCTAssertEqual(
      why(RectificationMachine.self, rectifying, .requestExtension, People.zhouqiang, at: at),
      "只有情况复杂的整改可以申请延期")
    XCTAssertNil(run.run(.feedbackDone, by: People.zhouqiang, at: "2026-11-16T15:00"))
    let waiting = try XCTUnwrap(run.state)
    // A real-name rating is closed only after a callback (第三十七条).
    XCTAssertEqual(open(RectificationMachine.self, waiting, People.chenjing, at: at), [.callBack])
    XCTAssertEqual(
      why(RectificationMachine.self, waiting, .closeWithoutCallback, People.chenjing, at: at),
      "实名差评须回访后才能办结")
  }

  // MARK: - 事项变更

  func testCatalogChangeStepsByStageAndDrafter() throws {
    var l = CatalogLedger()
    l.establish(sampleItem())
    var item = try XCTUnwrap(l.history?.current?.content)
    item.promisedDays = 2
    let proposal = ChangeProposal(
      kind: .modify, itemCode: item.code, baseVersion: l.history?.current?.version,
      proposed: item, reason: "压缩承诺时限", urgent: false)
    XCTAssertNil(l.run(.draft(proposal), by: zhaolei))
    let draft = try XCTUnwrap(l.change)
    let at = "2026-11-16T10:00"
    XCTAssertEqual(
      open(CatalogChangeMachine.self, draft, zhaolei, at: at), [.edit, .submit, .withdraw])
    XCTAssertEqual(
      why(CatalogChangeMachine.self, draft, .submit, sunli, at: at), "只有起草人可以提交变更申请 BYQ-2026-000001"
    )
    XCTAssertEqual(
      why(CatalogChangeMachine.self, draft, .approve, chenjing, at: at),
      "变更申请 BYQ-2026-000001 当前为「草稿」,不能审核")
    XCTAssertEqual(
      why(CatalogChangeMachine.self, draft, .draft, zhaolei, at: at), "变更申请已存在")
    // District data: a township node refuses every step (第十三条).
    XCTAssertEqual(
      CatalogChangeMachine.availability(draft, .edit, .test(zhaolei, at: at, district: false))?
        .message, "事项库由区级节点统一维护,本节点(王岘镇)通过同步接收")
    XCTAssertNil(l.run(.submit, by: zhaolei))
    let submitted = try XCTUnwrap(l.change)
    XCTAssertEqual(
      open(CatalogChangeMachine.self, submitted, chenjing, at: at), [.approve, .sendBack])
    XCTAssertEqual(
      why(CatalogChangeMachine.self, submitted, .approve, zhaolei, at: at),
      "不能审核自己起草的变更申请,请另一名事项管理员或督办人员审核")
  }

  // MARK: - 办件

  func testApplicationStepsByStatusAndDesk() throws {
    var s = ApplicationScript()
    XCTAssertNil(s.apply(.registered(ApplicationScript.registration()), on: "2026-11-16"))
    let a = try XCTUnwrap(s.state)
    let counter = Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter])
    let scjg = Staff(login: "sunli", name: "孙丽", org: "SCJG", roles: [.handler])
    let at = "2026-11-16T10:00"
    XCTAssertEqual(
      open(ApplicationMachine.self, a, counter, at: at),
      [.checkMaterials, .accept, .requestSupplement, .refuse, .withdraw])
    XCTAssertEqual(
      why(ApplicationMachine.self, a, .startReview, counter, at: at), "刘洋没有经办角色,不能审查申请")
    XCTAssertEqual(
      why(ApplicationMachine.self, a, .startReview, scjg, at: at),
      "办件BYQ-2026-000001待受理,不能开始审查")
    XCTAssertEqual(
      why(ApplicationMachine.self, a, .rate, counter, at: at), "办件BYQ-2026-000001待受理,办结后才能评价")
    let outsider = Staff(login: "wangli", name: "王丽", org: "WXZ", roles: [.counter])
    XCTAssertEqual(
      why(ApplicationMachine.self, a, .accept, outsider, at: at), "只有区市场监督管理局的工作人员可以受理申请")
  }
}
