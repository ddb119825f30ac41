import Domain
import Foundation
import Store

extension SeededRandom {
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
  mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) < p * 1_000_000 }
  mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
}

/// Random steps on the demo's cases through the store's real commands: registrations and every
/// kind of step on applications, complaints, rectification cases and 督办, by staff of any
/// organisation and role. A step the rules refuse changes nothing and is counted as refused;
/// the counts must hold either way.
struct CountWalk {
  let store: Store
  let staff: [Staff]
  let items: [DirectoryItem]
  let orgs: [String]
  var dice: SeededRandom
  var done = 0
  var refused = 0

  init(store: Store, seed: UInt64) throws {
    self.store = store
    staff = try store.allStaff()
    let codes = try store.db.fetchAll("SELECT code FROM catalog_item ORDER BY code") { $0.text(0) }
    items = try codes.compactMap { try store.directoryItem(code: $0) }
      .filter { $0.registrationRefusal == nil }
    orgs = try store.db.fetchAll("SELECT code FROM org WHERE kind != 'district' ORDER BY code") {
      $0.text(0)
    }
    dice = SeededRandom(seed: seed)
  }

  /// Someone of the case's organisation most of the time (the steps the rules allow), anyone
  /// else sometimes (the refusals).
  mutating func actor(for org: String) -> Staff {
    let own = staff.filter {
      $0.org == org && ($0.has(.counter) || $0.has(.handler) || $0.has(.supervisor))
    }
    return !own.isEmpty && dice.chance(0.8) ? dice.pick(own) : dice.pick(staff)
  }

  /// A random row of `sql`'s (id, organisation, state).
  mutating func some(_ sql: String) throws -> (id: String, org: String, state: String)? {
    let rows = try store.db.fetchAll(sql) { ($0.text(0), $0.text(1), $0.text(2)) }
    return rows.isEmpty ? nil : dice.pick(rows)
  }

  /// Mostly a command the state admits, sometimes any (the refusals).
  mutating func choose<C>(_ fitting: [C], _ all: [C]) -> C {
    dice.chance(0.85) && !fitting.isEmpty ? dice.pick(fitting) : dice.pick(all)
  }

  mutating func step() throws {
    for _ in 0..<4 where try attempt() { return }
  }

  mutating func attempt() throws -> Bool {
    do {
      switch dice.below(100) {
      case 0..<14: try registerApplication()
      case 14..<50: try applicationStep()
      case 50..<58: try registerComplaint()
      case 58..<76: try complaintStep()
      case 76..<82: try registerRating()
      case 82..<94: try rectificationStep()
      case 94..<98: try supervise()
      default: _ = try store.recordDeemedAcceptances()
      }
      done += 1
      return true
    } catch is Refusal {
      refused += 1
      return false
    }
  }

  mutating func registerApplication() throws {
    let item = dice.pick(items)
    let person = dice.below(100_000)
    let input = RegistrationInput(
      itemCode: item.snapshot.code,
      applicant: Applicant(
        kind: .person, name: "申请人\(person)", idNumber: "11010519491231002X",
        phone: "1380000\(String(format: "%04d", person % 10_000))"),
      channel: dice.pick([.counter, .online]),
      materials: item.snapshot.materials.map { MaterialStatus.initial(for: $0) })
    _ = try store.registerApplication(
      input, items: store, by: actor(for: dice.chance(0.5) ? "ZWZX" : item.snapshot.organisation))
  }

  mutating func applicationStep() throws {
    guard
      let (id, org, status) = try some(
        "SELECT case_id, org, status FROM application WHERE is_open = 1 ORDER BY case_id")
    else { return }
    // 认领 or 指派 now and then: 我的 follows the assignee (`application_mine_count`).
    if dice.chance(0.2) { return try assign(id, org, ApplicationMachine.self) }
    let all: [ApplicationCommand] = [
      .accept, .passPreReview(opinion: "预审通过"), .startReview(opinion: "材料齐全"),
      .stopClock(.siteInspection, days: 3, reason: "现场勘验"), .resumeClock(note: "勘验完毕"),
      .decide(dice.chance(0.8) ? .approved : .denied, reason: "不符合条件"),
      .conclude(ConclusionInput(certificateName: "结果", certificateNumber: "Z-\(id)")),
      .withdraw(reason: "申请人撤回"), .refuse(reason: "不属于受理范围,已一次性告知"),
      .extendLimit(days: 5, reason: "情况复杂需延长"),
    ]
    let fitting: [ApplicationCommand]
    switch status {
    case "awaitingPreReview": fitting = [all[1], all[8]]
    case "awaitingAcceptance", "awaitingSupplement": fitting = [all[0], all[0], all[8]]
    case "accepted": fitting = [all[2], all[2], all[7], all[9]]
    case "underReview": fitting = [all[3], all[4], all[5], all[5], all[9]]
    case "decided": fitting = [all[6]]
    default: fitting = []
    }
    _ = try store.perform(
      choose(fitting, all), on: id, as: actor(for: dice.chance(0.5) ? org : "ZWZX"))
  }

  /// 认领 by someone (mostly of the organisation), or 指派 by a supervisor to one of its handlers.
  mutating func assign<M: CaseWorkMachine>(_ id: String, _ org: String, _ machine: M.Type) throws {
    let handlers = staff.filter { $0.org == org && $0.has(.handler) && !$0.disabled }
    if dice.chance(0.5) || handlers.isEmpty {
      try store.performWork(.claim, on: id, of: machine, as: actor(for: org))
    } else {
      let supervisors = staff.filter { $0.has(.supervisor) }
      try store.performWork(
        .assign(to: dice.pick(handlers).login), on: id, of: machine, as: dice.pick(supervisors))
    }
  }

  mutating func registerComplaint() throws {
    let n = dice.below(100_000)
    let draft = ComplaintDraft(
      channel: dice.pick([.hotline, .website, .counter]), type: dice.pick(ComplaintType.allCases),
      urgency: dice.chance(0.2) ? .fairlyUrgent : .ordinary, subject: "窗口排队时间过长\(n)",
      content: "在窗口等候两个小时仍未办理,工作人员态度冷淡\(n)", complainant: "投诉人\(n)",
      contact: "1390000\(String(format: "%04d", n % 10_000))", concernedOrg: dice.pick(orgs),
      confidentiality: dice.chance(0.1) ? .privacy : .none)
    _ = try store.registerComplaint(draft, by: actor(for: "ZWZX"))
  }

  mutating func complaintStep() throws {
    guard
      let (id, org, status) = try some(
        """
        SELECT case_id, coalesce(handling_org, registering_org),
          status || '/' || coalesce(extension, '') FROM complaint
        WHERE status IN ('awaitingDispatch', 'handling', 'rectifying', 'concluded', 'invalid')
        ORDER BY case_id
        """)
    else { return }
    let all: [ComplaintCommand] = [
      .dispatch(org: dice.pick(orgs)), .reject(.noClearRespondent, note: "无明确被投诉对象"),
      .return(reason: "不属于本单位职责"), .requestExtension(days: 5, reason: "需要调查取证"),
      .decideExtension(approved: dice.chance(0.7), note: "同意"),
      .conclude(dice.chance(0.8) ? .resolved : .invalid, text: "已核实并整改"),
      .callBack(.phone, dice.pick([.satisfied, .unsatisfied]), notes: "已回访", reopenDays: nil),
    ]
    let fitting: [ComplaintCommand]
    switch status {
    case "awaitingDispatch/": fitting = [all[0], all[0], all[0], all[1]]
    case "handling/pending", "rectifying/pending": fitting = [all[4]]
    case let s where s.hasPrefix("handling") || s.hasPrefix("rectifying"):
      fitting = [all[2], all[3], all[5], all[5]]
    case let s where s.hasPrefix("concluded") || s.hasPrefix("invalid"): fitting = [all[6]]
    default: fitting = []
    }
    try store.perform(
      choose(fitting, all), on: id, as: actor(for: dice.chance(0.5) ? org : "ZWZX"))
  }

  mutating func registerRating() throws {
    let item = dice.pick(items)
    let input = RatingInput(
      channel: dice.pick([.online, .mobile, .sms]), itemCode: item.snapshot.code,
      itemName: item.snapshot.name, organisation: item.snapshot.organisation,
      level: dice.chance(0.6) ? .dissatisfied : .veryDissatisfied, comment: "办事拖拉",
      realName: true, reviewerName: "评价人", reviewerPhone: "13700001234")
    _ = try store.registerRating(input, by: actor(for: "ZWZX"))
  }

  mutating func rectificationStep() throws {
    guard
      let (id, org, phase) = try some(
        "SELECT id, org, phase FROM rectification WHERE phase != 'closed' ORDER BY id")
    else { return }
    let all: [RectificationCommand] = [
      .verify(contact: .phone, findings: "情况属实", track: dice.pick([.immediate, .complex])),
      .verify(contact: .phone, findings: "评价不实", claim: .untrue, evidence: "录音为证"),
      .review(approved: dice.chance(0.7), opinion: "同意"),
      .classify(track: dice.pick([.immediate, .complex])),
      .requestExtension(days: 3, reason: "整改需要时间", toldVia: .phone),
      .decideExtension(approved: dice.chance(0.7), opinion: "同意"),
      .feedback(measures: "已致歉并整改"),
      .callBack(method: .phone, response: dice.pick([.satisfied, .dissatisfied]), record: "已回访"),
      .closeWithoutCallback(reason: "多次联系未果"),
    ]
    let fitting: [RectificationCommand]
    switch phase {
    case "verifying": fitting = [all[0], all[0], all[1]]
    case "awaitingReview": fitting = [all[2]]
    case "rectifying": fitting = [all[3], all[4], all[5], all[6], all[6]]
    case "awaitingCallback": fitting = [all[7], all[7], all[8]]
    default: fitting = []
    }
    try store.perform(
      choose(fitting, all), on: id, as: actor(for: dice.chance(0.6) ? org : "ZWZX"))
  }

  /// 督办 on any open deadline, or a reply to an open notice.
  mutating func supervise() throws {
    if dice.chance(0.5),
      let (id, org, _) = try some(
        "SELECT id, org, '' FROM supervision WHERE replied = 0 ORDER BY id")
    {
      try store.replySupervision(id: id, reply: "已督促整改", by: actor(for: org))
      return
    }
    guard let (caseID, _, _) = try some("SELECT case_id, org, '' FROM deadline ORDER BY stream"),
      let target = try store.supervisionTarget(caseID: caseID)
    else { return }
    _ = try store.issueSupervision(
      on: target, method: .phone, requirement: "请尽快办结并回复", replyDays: 1 + dice.below(3),
      by: actor(for: "ZWZX"))
  }
}
