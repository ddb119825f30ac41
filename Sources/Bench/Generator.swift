import Domain
import Foundation
import Store

/// Writes N cases through the real commands (the journal path a clerk's keystrokes take), spread
/// over 2022-01-01 … today, across every organisation. Many commands share one outer transaction
/// (each becomes a savepoint), as a bulk migration would; the work per case is what a clerk's
/// steps cost.
struct Generator {
  let store: Store
  let actor: Staff
  let today: CivilDate
  let items: [DirectoryItem]
  let orgs: [String]
  var dice: Dice
  /// Steps the rules refused (should stay 0; a refusal is counted, not fatal).
  var refused = 0
  var lastRefusal = ""

  static let firstDay = CivilDate(year: 2022, month: 1, day: 4) ?? CivilDate(dayNumber: 0)

  /// - Parameter onlyOrg: every case concerns this organisation (the sync scenario's township).
  init(store: Store, actor: Staff, today: CivilDate, seed: UInt64, onlyOrg: String? = nil) throws {
    self.store = store
    self.actor = actor
    self.today = today
    let codes = try store.db.fetchAll("SELECT code FROM catalog_item ORDER BY code") { $0.text(0) }
    self.items = try codes.compactMap { try store.directoryItem(code: $0) }
      .filter {
        // A 一件事 is registered as a package (`Store.registerPackage`), never as one case.
        $0.registrationRefusal == nil && $0.package == nil
          && (onlyOrg ?? $0.snapshot.organisation) == $0.snapshot.organisation
      }
    self.orgs =
      try onlyOrg.map { [$0] }
      ?? store.db.fetchAll(
        "SELECT code FROM org WHERE kind != 'district' ORDER BY code"
      ) { $0.text(0) }
    self.dice = Dice(seed: seed)
    // Review, decision and rectification are the implementing organisation's own acts: a
    // handler of that organisation takes them, as the permission rules require.
    // An organisation of the demo without one gets a handler, added as an admin would.
    var handlers: [String: Staff] = [:]
    for s in try store.allStaff() where s.has(.handler) && handlers[s.org] == nil {
      handlers[s.org] = s
    }
    let needed = Set(items.map(\.snapshot.organisation) + orgs)
    for org in needed.sorted() where handlers[org] == nil && store.node.isDistrict {
      let handler = Staff(
        login: "bench-\(org.lowercased())", name: "经办\(org)", org: org, roles: [.handler])
      try store.addStaff(handler, by: actor)
      handlers[org] = handler
    }
    self.handlers = handlers
  }

  let handlers: [String: Staff]

  /// The staff member who takes an organisation's own steps (the admin where it has no handler).
  func handler(_ org: String) -> Staff { handlers[org] ?? actor }

  /// Generates `count` cases in batches of `batch` per transaction; returns the journal events written.
  mutating func run(count: Int, batch: Int = 400, progress: (Int) -> Void = { _ in }) throws {
    let span = today.dayNumber - Self.firstDay.dayNumber
    var i = 0
    while i < count {
      let end = min(count, i + batch)
      try store.db.inTransaction(.immediate) {
        for n in i..<end {
          // Spread evenly over the years, a little jitter so days differ in load.
          let day = Self.firstDay.adding(days: (n * span) / count)
          try one(registeredOn: workingDayOnOrAfter(day))
        }
      }
      i = end
      progress(i)
    }
  }

  func workingDayOnOrAfter(_ d: CivilDate) -> CivilDate {
    var day = d
    while !store.calendar.isWorkingDay(day) { day = day.adding(days: 1) }
    return day > today ? today : day
  }

  /// Moves the store's clock to a working day `days` after `start`, at a plausible hour; nil if
  /// that is after today's 09:30 (the step has not happened yet).
  func at(_ start: CivilDate, plus days: Int, hour: Int, minute: Int = 0) -> Bool {
    var day = start.adding(days: days)
    while !store.calendar.isWorkingDay(day) { day = day.adding(days: 1) }
    let instant = store.zone.instant(day, hour: hour, minute: minute)
    let now = store.zone.instant(today, hour: 9, minute: 30)
    guard instant < now else { return false }
    store.clock = { instant }
    return true
  }

  mutating func one(registeredOn day: CivilDate) throws {
    let roll = dice.below(100)
    do {
      if roll < 80 {
        try application(day)
      } else if roll < 92 {
        try complaint(day)
      } else {
        try rectification(day)
      }
    } catch let r as Refusal {
      refused += 1
      lastRefusal = r.message
    }
  }

  /// How far a case of this age has got: old cases are nearly all closed; recent ones are in
  /// every state; a few old ones were forgotten (the overdue queue's content).
  mutating func closes(_ day: CivilDate) -> Bool {
    let age = today.dayNumber - day.dayNumber
    if age > 60 { return !dice.chance(0.004) }
    return dice.chance(Double(age) / 80)
  }

  mutating func application(_ day: CivilDate) throws {
    let item = dice.pick(items)
    let applicant: Applicant
    if dice.chance(0.8) {
      applicant = Applicant(
        kind: .person, name: Words.personName(&dice), idNumber: Words.residentID(&dice),
        phone: Words.mobile(&dice))
    } else {
      applicant = Applicant(
        kind: .organisation, name: Words.companyName(&dice), idNumber: Words.creditCode(&dice),
        phone: Words.mobile(&dice))
    }
    guard at(day, plus: 0, hour: 8 + dice.below(3), minute: dice.below(60)) else { return }
    let materials = item.snapshot.materials.map { MaterialStatus.initial(for: $0) }
    let id = try store.registerApplication(
      RegistrationInput(
        itemCode: item.snapshot.code, applicant: applicant, channel: .counter,
        materials: materials), items: store, by: actor
    ).application.caseID
    if dice.chance(0.03) {
      _ = try store.perform(
        ApplicationCommand.refuse(reason: "申请人不符合\(item.snapshot.name)的办理条件,已一次性告知"), on: id,
        as: actor)
      return
    }
    if today.dayNumber - day.dayNumber < 2, dice.chance(0.5) { return }  // awaiting acceptance
    _ = try store.perform(ApplicationCommand.accept, on: id, as: actor)
    let limit = max(1, item.snapshot.promisedDays)
    let closes = closes(day)
    guard at(day, plus: min(1, limit), hour: 14) else { return }
    let handler = handler(item.snapshot.organisation)
    _ = try store.perform(
      ApplicationCommand.startReview(opinion: "材料齐全,符合受理条件"), on: id, as: handler)
    guard closes, at(day, plus: 1 + dice.below(limit + 1), hour: 15, minute: dice.below(60)) else {
      return
    }
    _ = try store.perform(ApplicationCommand.decide(.approved, reason: ""), on: id, as: handler)
    _ = try store.perform(
      ApplicationCommand.conclude(
        ConclusionInput(certificateName: "\(item.snapshot.name)结果", certificateNumber: "BYQ-\(id)")),
      on: id, as: actor)
  }

  mutating func complaint(_ day: CivilDate) throws {
    let org = dice.pick(orgs)
    let text = Words.complaint(&dice)
    guard at(day, plus: 0, hour: 9 + dice.below(7), minute: dice.below(60)) else { return }
    let draft = ComplaintDraft(
      channel: dice.pick([.hotline, .website, .counter, .city]),
      type: dice.pick(ComplaintType.allCases),
      urgency: dice.chance(0.1) ? .fairlyUrgent : .ordinary, subject: text.subject,
      content: text.content, complainant: Words.personName(&dice), contact: Words.mobile(&dice),
      concernedOrg: org)
    let id = try store.registerComplaint(draft, by: actor)
    if today.dayNumber - day.dayNumber < 1 { return }  // awaiting dispatch
    try store.perform(ComplaintCommand.dispatch(org: org), on: id, as: actor)
    guard closes(day), at(day, plus: 2 + dice.below(10), hour: 16) else { return }
    try store.perform(
      ComplaintCommand.conclude(.resolved, text: dice.pick(Words.findings)), on: id,
      as: handler(org))
    guard at(day, plus: 14, hour: 10) else { return }
    try store.perform(
      ComplaintCommand.callBack(.phone, .satisfied, notes: "回访满意", reopenDays: nil), on: id,
      as: actor)
  }

  mutating func rectification(_ day: CivilDate) throws {
    let item = dice.pick(items)
    guard at(day, plus: 0, hour: 10 + dice.below(6), minute: dice.below(60)) else { return }
    let input = RatingInput(
      channel: dice.pick([.online, .mobile, .kiosk, .sms]), itemCode: item.snapshot.code,
      itemName: item.snapshot.name, organisation: item.snapshot.organisation,
      level: dice.chance(0.7) ? .dissatisfied : .veryDissatisfied,
      comment: dice.pick(Words.problems), realName: true, reviewerName: Words.personName(&dice),
      reviewerPhone: Words.mobile(&dice))
    guard let id = try store.registerRating(input, by: actor).rectificationID else { return }
    let handler = handler(item.snapshot.organisation)
    let closes = closes(day)
    guard at(day, plus: 1, hour: 10) else { return }
    try store.perform(
      RectificationCommand.verify(
        contact: .phone, findings: dice.pick(Words.findings), track: .immediate), on: id,
      as: handler)
    guard closes, at(day, plus: 2, hour: 11) else { return }
    try store.perform(
      RectificationCommand.feedback(measures: "已当面致歉并办结;窗口加强一次性告知"), on: id,
      as: handler)
    guard at(day, plus: 4, hour: 10) else { return }
    try store.perform(
      RectificationCommand.callBack(method: .phone, response: .satisfied, record: "评价人表示满意"),
      on: id,
      as: actor)
  }
}
