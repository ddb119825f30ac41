extension Action {
  /// 登记一件事 — the service centre's counter clerks (一窗受理 for every department).
  public static let registerPackage = Action(
    "package.register", "登记一件事", roles: [.counter], ownOrganisationOnly: true)
}

/// One member of a registered package: its sub-case and the item version it was registered under.
public struct PackageMember: Codable, Equatable, Sendable {
  /// The member's own case (an ordinary application of its organisation).
  public var caseID: String
  public var code: String
  public var version: Int
  public var name: String
  public var organisation: String
  public var organisationName: String
  /// 承诺办结时限 of the member item, working days.
  public var promisedDays: Int
}

extension PackageMember {
  /// The member sub-case `caseID`, registered under the item version `item`.
  public init(caseID: String, item: ItemSnapshot) {
    self.init(
      caseID: caseID, code: item.code, version: item.version, name: item.name,
      organisation: item.organisation, organisationName: item.organisationName,
      promisedDays: item.promisedDays)
  }
}

/// Payload of `package.registered`.
public struct PackageRegistered: Codable, Equatable, Sendable {
  /// The package entry (事项编码, 版本) and its name.
  public var code: String
  public var version: Int
  public var name: String
  /// The entry's 实施主体 (the centre) and its name: who issues the notice.
  public var organisation: String
  public var organisationName: String
  /// The package's own promise (working days), binding when shorter than the slowest member's.
  public var promisedDays: Int
  public var applicant: Applicant
  public var channel: ApplicationChannel
  public var note: String
  public var registeredOrg: String
  /// The union checklist as shown, and what the clerk marked on each line.
  public var materials: [MaterialRequirement]
  public var statuses: [MaterialStatus]
  public var members: [PackageMember]
  /// 受理通知书 number: one notice naming every member (each member's acceptance carries it).
  public var notice: String

  public init(
    code: String, version: Int, name: String, organisation: String, organisationName: String,
    promisedDays: Int, applicant: Applicant, channel: ApplicationChannel, note: String,
    registeredOrg: String, materials: [MaterialRequirement], statuses: [MaterialStatus],
    members: [PackageMember], notice: String
  ) {
    self.code = code
    self.version = version
    self.name = name
    self.organisation = organisation
    self.organisationName = organisationName
    self.promisedDays = promisedDays
    self.applicant = applicant
    self.channel = channel
    self.note = note
    self.registeredOrg = registeredOrg
    self.materials = materials
    self.statuses = statuses
    self.members = members
    self.notice = notice
  }
}

extension PackageRegistered {
  /// The member's part of the package's notice: `BYQ受〔2026〕12号之1` for the first member.
  public static func memberNotice(_ notice: String, position: Int) -> String {
    "\(notice)之\(position + 1)"
  }
}

/// 一件事办件 — the fold of a `package/<ID>` stream: what was registered. Its progress (status,
/// deadline, slowest member) is never stored: it is read from the members' own cases
/// (`PackageProgress`), so a step on a member changes the package without an event of its own.
public struct PackageCase: Codable, Equatable, Sendable {
  public var id: String
  public var registration: PackageRegistered
  public var registeredOn: CivilDate
  /// Milliseconds since 1970.
  public var registeredAt: Int64
  public var registeredBy: String

  public var members: [PackageMember] { registration.members }
  public var name: String { registration.name }

  /// The package's own deadline: its promise counted from the day it was accepted (registered
  /// and accepted together at the counter).
  public func promisedDue(_ calendar: WorkCalendar) -> CivilDate {
    calendar.deadline(receivedAt: registeredOn, workingDays: registration.promisedDays)
  }
}

/// 一件事 stream `package/ID`.
public enum PackageReducer: StreamReducer {
  public static let streamKind = "package"

  public static func apply(_ state: PackageCase?, _ event: Event, _ context: FoldContext)
    -> Result<PackageCase, Refusal>
  {
    guard event.type == .packageRegistered else {
      return .failure(Refusal("未知的一件事事件 \(event.type)"))
    }
    guard state == nil else { return .failure(Refusal("一件事办件已登记,不能重复登记")) }
    guard let p = try? event.decode(PackageRegistered.self) else {
      return .failure(Refusal("一件事登记内容无法解析"))
    }
    if let r = check(p) { return .failure(r) }
    return .success(
      PackageCase(
        id: String(splitStream(event.stream).id), registration: p,
        registeredOn: context.zone.civilDate(event.date), registeredAt: event.timestamp,
        registeredBy: event.actor))
  }

  /// Why a registration cannot stand, whoever recorded it: members, checklist and notice whole.
  public static func check(_ p: PackageRegistered) -> Refusal? {
    guard ItemPackage.memberRange.contains(p.members.count) else {
      return Refusal("一件事应有\(ItemPackage.memberRange.lowerBound)个以上成员事项")
    }
    guard Set(p.members.map(\.caseID)).count == p.members.count,
      !p.members.contains(where: { $0.caseID.isEmpty })
    else { return Refusal("一件事的成员办件编号缺失或重复") }
    guard p.materials.count == p.statuses.count else {
      return Refusal("一件事材料清单与核对结果不一致")
    }
    guard !p.notice.isEmpty else { return Refusal("一件事缺少受理通知书编号") }
    guard p.promisedDays >= 1 else { return Refusal("一件事的承诺时限至少为1个工作日") }
    return nil
  }
}
