import XCTest

@testable import Domain

/// The applicant's identifiers, the reducer over real events, notices and money.
final class ApplicationRecordTests: XCTestCase {
  let registrationDay = CivilDate(year: 2026, month: 11, day: 26) ?? CivilDate(dayNumber: 0)

  func testApplicantFieldsAreCheckedAndMaskedForLists() {
    XCTAssertTrue(validPerson.problems(today: registrationDay).isEmpty)
    XCTAssertEqual(validPerson.maskedID, "620402********0018")
    XCTAssertEqual(validPerson.maskedPhone, "138****1234")
    var bad = Applicant(kind: .person, name: "", idNumber: "62040219900101001X", phone: "123")
    XCTAssertEqual(bad.problems(today: registrationDay).map(\.field), [.name, .idNumber, .phone])
    XCTAssertEqual(bad.problems(today: registrationDay).map(\.message)[1], "身份证号码校验位错误")
    bad.idNumber = ""
    XCTAssertEqual(bad.problems(today: registrationDay).map(\.message)[1], "「身份证号码」不能为空")
    let firm = Applicant(
      kind: .organisation, name: "白银区某某商贸有限公司", idNumber: " 91620402ma7x1y2236 ",
      phone: "0943-8221234")
    XCTAssertTrue(
      firm.problems(today: registrationDay).isEmpty, "\(firm.problems(today: registrationDay))")
    XCTAssertEqual(firm.normalized.idNumber, "91620402MA7X1Y2236")
    XCTAssertEqual(firm.maskedID, "916204********2236")
    XCTAssertEqual(firm.maskedPhone, "0943-*****34")
    let wrongCode = Applicant(
      kind: .organisation, name: "某公司", idNumber: "91620402MA7X1Y2237", phone: "13809431234")
    XCTAssertEqual(wrongCode.problems(today: registrationDay).first?.message, "统一社会信用代码校验位错误")
    XCTAssertEqual(wrongCode.problems(today: registrationDay).first?.field, .idNumber)
  }

  /// A person's name of digits only (`12345`) is a slip in the wrong field; a firm's may be.
  func testAPersonsNameNeedsALetterOrAChineseCharacter() {
    var p = validPerson
    p.name = "12345"
    XCTAssertEqual(
      p.problems(today: registrationDay).map(\.message), ["「姓名」应含有汉字或字母"])
    p.name = "Li Wei"
    XCTAssertTrue(p.problems(today: registrationDay).isEmpty)
    p.name = "阿依古丽·买买提"
    XCTAssertTrue(p.problems(today: registrationDay).isEmpty)
  }

  func testMaterialToggleCycle() {
    let plain = MaterialRequirement(name: "申请书")
    let shared = MaterialRequirement(name: "身份证明", shareable: true)
    XCTAssertEqual(MaterialStatus.initial(for: plain), .received)
    XCTAssertEqual(MaterialStatus.initial(for: shared), .exempt)
    XCTAssertEqual(
      MaterialStatus.initial(for: MaterialRequirement(name: "委托书", required: false)), .missing)
    var s = MaterialStatus.received
    var seen: [MaterialStatus] = []
    for _ in 0..<3 {
      s = s.toggled(shareable: false)
      seen.append(s)
    }
    XCTAssertEqual(seen, [.missing, .defective, .received])
    XCTAssertEqual(MaterialStatus.defective.toggled(shareable: true), .exempt)
    XCTAssertEqual(MaterialStatus.exempt.toggled(shareable: true), .received)
  }

  /// The reducer folds journal events; an event invalid where it lands is a conflict, not a crash.
  func testReducerFoldsEventsAndRecordsConflicts() {
    let zone = DeploymentZone.shanghai
    func event(_ seq: Int64, _ change: ApplicationChange, _ at: String, actor: String = "liuyang")
      -> Event
    {
      let draft = change.draft(caseID: "BYQ-2026-000009")
      let ms = Int64((zone.parseLocal(at)?.timeIntervalSince1970 ?? 0) * 1000)
      return Event(
        origin: "BYQ.1", seq: seq, stream: draft.stream, type: draft.type, payload: draft.payload,
        actor: actor, node: "BYQ", timestamp: ms, prevHash: "", hash: "")
    }
    let events = [
      event(1, .registered(ApplicationScript.registration()), "2026-11-24T09:00"),
      event(2, .accepted(NoticePayload(notice: "BYQ受〔2026〕7号")), "2026-11-24T09:05"),
      event(3, .accepted(NoticePayload(notice: "BYQ受〔2026〕8号")), "2026-11-24T09:06"),
      event(4, .reviewStarted(TextPayload(text: "")), "2026-11-25T10:00", actor: "zhouqiang"),
    ]
    XCTAssertEqual(events[0].stream, "application/BYQ-2026-000009")
    let (state, conflicts) = ApplicationMachine.fold(
      events, FoldContext(calendar: Fixtures.calendar))
    XCTAssertEqual(state?.status, .underReview)
    XCTAssertEqual(state?.acceptedOn, day("2026-11-24"))
    XCTAssertEqual(state?.registeredAt, events[0].timestamp)
    XCTAssertEqual(state?.notices.map(\.number), ["BYQ受〔2026〕7号"])
    XCTAssertEqual(conflicts.map(\.seq), [3])
    XCTAssertTrue(conflicts.first?.message.contains("不能重复受理") ?? false)
    var broken = events[1]
    broken.payload = "{"
    XCTAssertEqual(
      ApplicationMachine.fold([events[0], broken], FoldContext(calendar: Fixtures.calendar))
        .conflicts.first?.message, "办件事件内容无法解析")
    var unknown = events[1]
    unknown.type = "application.teleported"
    XCTAssertEqual(
      ApplicationMachine.fold([events[0], unknown], FoldContext(calendar: Fixtures.calendar))
        .conflicts.first?.message, "未知的办件事件 application.teleported")
  }

  func testEveryChangeRoundTripsThroughItsEvent() {
    let changes: [ApplicationChange] = [
      .registered(ApplicationScript.registration()),
      .materialsChecked(MaterialsPayload(materials: [.received, .missing])),
      .preReviewPassed(TextPayload(text: "ok")),
      .accepted(NoticePayload(notice: "n")),
      .deemedAccepted(DeemedAcceptancePayload(limitEndedOn: day("2026-10-09"))),
      .supplementRequested(
        SupplementPayload(
          items: [.init(index: 0, status: .missing, note: "")], other: "", notice: "n")),
      .supplemented(MaterialsPayload(materials: [.received])),
      .notAccepted(ReasonNoticePayload(reason: "r", notice: "n")),
      .reviewStarted(TextPayload(text: "")),
      .clockStopped(ClockStopPayload(kind: .testing, days: 3, reason: "r", notice: "n")),
      .clockResumed(TextPayload(text: "")),
      .decided(DecisionPayload(decision: .denied, reason: "r")),
      .concluded(
        ConclusionPayload(
          certificateName: "", certificateNumber: "", delivery: .counter, trackingNumber: "",
          feeFen: 0, notice: "n")),
      .withdrawn(TextPayload(text: "w")),
      .rated(RatingPayload(level: "满意", realName: false, comment: "")),
    ]
    for c in changes {
      let d = c.draft(caseID: "X")
      let e = Event(
        origin: "BYQ.1", seq: 1, stream: d.stream, type: d.type, payload: d.payload, actor: "a",
        node: "BYQ", timestamp: 0, prevHash: "", hash: "")
      XCTAssertEqual(try ApplicationChange.decode(e), c)
    }
    XCTAssertEqual(Set(changes.map(\.type)).count, changes.count)
  }

  func testNoticeTemplateFillsKnownFieldsAndRefusesUnknownOnes() {
    var s = ApplicationScript()
    s.apply(.registered(ApplicationScript.registration()), on: "2026-11-26")
    s.run(.accept, on: "2026-11-26")
    guard let a = s.state, let notice = a.notices.first else { return XCTFail("not accepted") }
    let values = NoticeTemplate.values(for: notice, of: a, names: ["liuyang": "刘洋"])
    let text = NoticeTemplate.fill("{{申请人}}:{{办件编号}} 截止 {{ 截止日期 }} 经办 {{经办人}}", values)
    XCTAssertEqual(try text.get(), "张三:BYQ-2026-000001 截止 2026年12月1日 经办 刘洋")
    XCTAssertEqual(
      NoticeTemplate.fill("{{不存在}}", values), .failure(.init(message: "模板含未知字段「{{不存在}}」")))
    XCTAssertEqual(
      NoticeTemplate.fill("{{申请人", values), .failure(.init(message: "模板中的「{{」没有对应的「}}」")))
    XCTAssertEqual(
      NoticeKind.acceptance.number(node: "WXZ", year: 2027, serial: 15), "WXZ受〔2027〕15号")
    XCTAssertEqual(Set(NoticeKind.allCases.map(\.series)).count, NoticeKind.allCases.count)
  }

  func testFeeParsingAndText() {
    XCTAssertEqual(ApplicationRules.parseFee(""), 0)
    XCTAssertEqual(ApplicationRules.parseFee("12"), 1200)
    XCTAssertEqual(ApplicationRules.parseFee("12.5"), 1250)
    XCTAssertEqual(ApplicationRules.parseFee(" 0.05 "), 5)
    XCTAssertNil(ApplicationRules.parseFee("12.345"))
    XCTAssertNil(ApplicationRules.parseFee("1e3"))
    XCTAssertNil(ApplicationRules.parseFee(".5"))
    XCTAssertNil(ApplicationRules.parseFee("2000000"))
    XCTAssertEqual(ApplicationRules.feeText(1250), "12.50")
    XCTAssertEqual(ApplicationRules.feeText(5), "0.05")
  }

  func testWhoMayDoWhat() {
    let centreCounter = Staff(login: "liuyang", name: "刘洋", org: "ZWZX", roles: [.counter])
    let scjg = Staff(login: "zhouqiang", name: "周强", org: "SCJG", roles: [.counter, .handler])
    let rsj = Staff(login: "wuxia", name: "吴霞", org: "RSJ", roles: [.counter, .handler])
    func check(_ s: Staff, _ a: Action, centre: Bool) -> Refusal? {
      Permission.check(
        s, a,
        organisation: ApplicationActions.organisation(
          for: a, staff: s, implementing: "SCJG", staffAtServiceCentre: centre),
        organisationName: "区市场监督管理局")
    }
    XCTAssertNil(check(centreCounter, ApplicationActions.register, centre: true))
    XCTAssertNil(check(centreCounter, ApplicationActions.accept, centre: true))
    XCTAssertNil(check(centreCounter, ApplicationActions.conclude, centre: true))
    XCTAssertEqual(
      check(centreCounter, ApplicationActions.decide, centre: true)?.message,
      "刘洋没有经办角色,不能作出准予或不予准予决定")
    XCTAssertNil(check(scjg, ApplicationActions.decide, centre: false))
    XCTAssertNil(check(scjg, ApplicationActions.register, centre: false))
    XCTAssertEqual(
      check(rsj, ApplicationActions.accept, centre: false)?.message,
      "只有区市场监督管理局的工作人员可以受理申请")
    XCTAssertEqual(
      check(rsj, ApplicationActions.review, centre: false)?.message,
      "只有区市场监督管理局的工作人员可以审查申请")
    var s = ApplicationScript()
    s.apply(.registered(ApplicationScript.registration()), on: "2026-11-26")
    guard let a = s.state else { return XCTFail() }
    XCTAssertTrue(ApplicationActions.canView(scjg, a, staffAtServiceCentre: false))
    XCTAssertTrue(ApplicationActions.canView(centreCounter, a, staffAtServiceCentre: true))
    XCTAssertFalse(ApplicationActions.canView(rsj, a, staffAtServiceCentre: false))
    let supervisor = Staff(login: "chenjing", name: "陈静", org: "ZWZX", roles: [.supervisor])
    XCTAssertTrue(ApplicationActions.canView(supervisor, a, staffAtServiceCentre: true))
  }
}
