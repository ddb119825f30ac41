import Domain
import Foundation

/// 一件事 at the counter (第十九条): the form a package gives and its one registration.
public struct PackageForm: Equatable, Sendable {
  /// The package entry as the intake desk sees it.
  public var entry: DirectoryItem
  /// The members in package order.
  public var members: [DirectoryItem]
  /// The union checklist (the package's own materials, then each member's, a shared one once).
  public var checklist: PackageChecklist

  /// `设立登记(市场监管局)、…` — the members in one line.
  public var memberSummary: String {
    members.map { "\($0.snapshot.name)(\($0.snapshot.organisationName))" }.joined(separator: "、")
  }
}

/// What one package registration recorded: the package and its member sub-cases, accepted, and
/// the one 受理通知书.
public struct PackageRegistration: Equatable, Sendable {
  public var package: PackageCase
  public var members: [Application]
}

extension Store {
  /// The package's form as the catalog stands: its members' current versions and the union
  /// checklist. Refuses an entry that is not a package or a member that cannot take applications.
  public func packageForm(code: String, items: ItemDirectory? = nil) throws -> PackageForm {
    let items = items ?? self
    guard let entry = try items.directoryItem(code: code) else {
      throw Refusal("事项编码「\(FieldText.sanitizeForDisplay(code))」不存在")
    }
    guard let package = entry.package else { throw Refusal("「\(entry.snapshot.name)」不是一件事") }
    if let r = entry.registrationRefusal { throw r }
    var members: [DirectoryItem] = []
    for m in package.members {
      guard let item = try items.directoryItem(code: m) else {
        throw Refusal("一件事「\(entry.snapshot.name)」的成员事项「\(m)」不在事项库中", article: "第十九条")
      }
      if let r = item.registrationRefusal {
        throw Refusal("一件事「\(entry.snapshot.name)」的成员: \(r.message)", article: r.article)
      }
      members.append(item)
    }
    let checklist = PackageChecklist(
      own: entry.snapshot.materials,
      members: members.map { ($0.snapshot.name, $0.snapshot.materials) },
      shared: package.sharedMaterials)
    return PackageForm(entry: entry, members: members, checklist: checklist)
  }

  /// 一件事登记 — one applicant, the union checklist, and in ONE transaction: a sub-case per
  /// member registered to its organisation and accepted (its own deadline from its own item),
  /// the package case naming them, and one 受理通知书 number that every member's acceptance
  /// carries (as its part, `之N`). Only the service centre's counter clerks register a package (一窗受理 for every
  /// department); every required material must be in hand, since the members are accepted at
  /// once. A refusal rolls everything back.
  ///
  /// - Parameter input: `itemCode` is the package's code, `materials` one status per line of
  ///   the union checklist.
  public func registerPackage(
    _ input: RegistrationInput, items: ItemDirectory? = nil, by staff: Staff
  ) throws -> PackageRegistration {
    let items = items ?? self
    return try write(
      as: staff, .registerPackage, organisation: staff.org, subject: "package/new"
    ) { tx in
      guard try isServiceCentre(staff.org) else {
        throw Refusal("一件事由政务服务中心综合窗口统一受理,本单位窗口不能登记", article: "第十九条")
      }
      // Read inside the transaction: a member may have been suspended a moment ago.
      let form = try packageForm(code: input.itemCode, items: items)
      let lines = form.checklist.lines
      guard input.materials.count == lines.count else {
        throw Refusal("材料核对结果与一件事材料清单(\(lines.count)项)不一致,请重新选择事项")
      }
      guard input.channel == .counter else {
        throw Refusal("一件事在窗口一次登记、一并受理,申请渠道应为「窗口」")
      }
      let missing = form.checklist.unsatisfied(input.materials)
      guard missing.isEmpty else {
        throw Refusal(
          "一件事须材料齐全后一并受理,尚缺或有误的必要材料:\(missing.joined(separator: "、"))", article: "第十九条")
      }
      for a in [ApplicationActions.register, ApplicationActions.accept] {
        if let r = Permission.check(staff, a, organisation: staff.org) { throw r }
      }
      let packageID = try tx.nextCaseID()
      let notice = NoticeKind.acceptance.number(
        node: node.code, year: tx.today.year,
        serial: try tx.nextNumber(series: NoticeKind.acceptance.series))
      let preReview = try preReviewDays()
      var drafts: [EventDraft] = []
      var members: [PackageMember] = []
      for (i, item) in form.members.enumerated() {
        let caseID = try tx.nextCaseID()
        let step = stepContext(caseID: caseID, tx: tx)
        let (registered, draft) = try ApplicationMachine.registration(
          of: input.applicant, channel: input.channel, note: input.note,
          materials: form.checklist.statuses(ofMember: i, from: input.materials), item: item,
          registeredOrg: staff.org, preReviewDays: preReview, package: packageID, step
        ).get()
        // The member's part of the one notice (`BYQ受〔2026〕12号之1`): notice numbers are unique
        // per case, and the member's own 受理通知书 (n on its case) names its part.
        let part = PackageRegistered.memberNotice(notice, position: i)
        switch ApplicationMachine.packageAcceptance(registered, notice: part, step) {
        case .success(let (_, accepted)): drafts += [draft, accepted]
        case .failure(let r):
          throw Refusal("成员「\(item.snapshot.name)」: \(r.message)", article: r.article)
        }
        members.append(PackageMember(caseID: caseID, item: item.snapshot))
      }
      let e = form.entry.snapshot
      let registered = PackageRegistered(
        code: e.code, version: e.version, name: e.name, organisation: e.organisation,
        organisationName: e.organisationName, promisedDays: e.promisedDays,
        applicant: input.applicant.normalized, channel: input.channel,
        note: input.note.trimmingSpacesAndNewlines(), registeredOrg: staff.org,
        materials: form.checklist.requirements, statuses: input.materials, members: members,
        notice: notice)
      if let r = PackageReducer.check(registered) { throw r }
      drafts.append(
        EventDraft(
          stream: PackageReducer.stream(packageID), type: .packageRegistered, body: registered))
      try tx.append(drafts)
      guard let package = try packageCase(id: packageID) else {
        throw Refusal("一件事\(packageID)登记后未能读取")
      }
      return PackageRegistration(
        package: package,
        members: try members.compactMap { try application(caseID: $0.caseID) })
    }
  }

  /// The package case as the fold of its stream (nil when there is none).
  public func packageCase(id: String) throws -> PackageCase? {
    try caseState(PackageReducer.self, id)
  }

  /// The package's progress: its members' cases as this node holds them.
  public func packageProgress(id: String) throws -> PackageProgress? {
    guard let p = try packageCase(id: id) else { return nil }
    var held: [String: Application] = [:]
    for m in p.members { held[m.caseID] = try application(caseID: m.caseID) }
    return PackageProgress(p, applications: held, calendar: calendar)
  }
}

extension Store {
  /// 一件事 not yet concluded (a member still open), newest first, as `staff` may list them: a
  /// supervisor every one, anyone else those with a member of their organisation or registered
  /// by it (`Visibility`). For the 督办 board's 一件事 view.
  /// - Complexity: the open members from `application` by its open flag, their packages from
  ///   `package_member_by_case`; each listed package folded with its members.
  public func openPackages(for staff: Staff, limit: Int = 200) throws -> [PackageProgress] {
    let org = Visibility(staff).organisation
    let ids = try db.fetchAll(
      """
      SELECT DISTINCT p.id FROM package_case p
      JOIN package_member m ON m.package_id = p.id
      JOIN application a ON a.case_id = m.case_id AND a.is_open = 1
      WHERE ?1 IS NULL OR p.registered_org = ?1 OR EXISTS (
        SELECT 1 FROM package_member m2 JOIN application a2 ON a2.case_id = m2.case_id
        WHERE m2.package_id = p.id AND a2.org = ?1)
      ORDER BY p.registered_at DESC, p.id DESC LIMIT ?2
      """, [org.map { SQLValue.text($0) } ?? .null, .integer(Int64(limit))]
    ) { $0.text(0) }
    return try ids.compactMap { try packageProgress(id: $0) }
  }
}
