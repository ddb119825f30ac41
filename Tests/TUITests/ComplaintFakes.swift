import Foundation

@testable import Domain
@testable import Store
@testable import TUI

/// Complaints built from events exactly as the store folds them, at fixed Beijing times.
enum ComplaintFixture {
  static func fold(_ id: String, _ steps: [(String, String, ComplaintChange)]) -> (
    Complaint?, [Event]
  ) {
    var events: [Event] = []
    for (i, (time, actor, change)) in steps.enumerated() {
      let draft = change.draft(stream: "complaint/\(id)")
      let when = DeploymentZone.shanghai.parseLocal(time) ?? Date(timeIntervalSince1970: 0)
      events.append(
        Event(
          origin: "BYQ.1", seq: Int64(i + 1), stream: draft.stream, type: draft.type,
          payload: draft.payload, actor: actor, node: actor == "zhengtao" ? "WXZ" : "BYQ",
          timestamp: Int64(when.timeIntervalSince1970 * 1000), prevHash: "", hash: ""))
    }
    return (ComplaintMachine.fold(events, FoldContext(calendar: shippedCalendar)).state, events)
  }

  static func registration(
    _ subject: String, urgency: ComplaintUrgency = .urgent, limit: Int = 3,
    secrecy: Confidentiality = .none
  ) -> ComplaintRegistration {
    ComplaintRegistration(
      channel: .hotline, type: .complaint, urgency: urgency, limitDays: limit, subject: subject,
      content: "本人为母亲申请农村低保,11月初已提交全部材料,11月16日再次被要求提交户口簿复印件和收入证明,往返三次仍未受理。",
      complainant: "李建国", contact: "13912345678", concernedOrg: "WXZ", concernedOrgName: "王岘镇",
      confidentiality: secrecy, registeringOrg: "ZWZX", registeringOrgName: "区政务服务中心",
      handledByRegistrant: false)
  }

  static let toWXZ = ComplaintChange.dispatched(
    ComplaintDispatchPayload(org: "WXZ", orgName: "王岘镇", returnWindowDays: 1))

  /// A case with a history: dispatched, extension approved, concluded, called back unsatisfied.
  static func reopened() -> (Complaint?, [Event]) {
    fold(
      "BYQ-2026-000010",
      [
        (
          "2026-11-18T09:10", "chenjing",
          .registered(registration("王岘镇便民服务中心办理农村低保认定时多次要求群众重复提交户口簿和收入证明等材料"))
        ),
        ("2026-11-18T09:30", "chenjing", toWXZ),
        (
          "2026-11-19T10:00", "zhengtao",
          .extensionRequested(ExtensionRequestPayload(days: 2, reason: "需入户核实家庭收入"))
        ),
        (
          "2026-11-19T14:00", "chenjing",
          .extensionDecided(ExtensionDecisionPayload(approved: true, note: "同意"))
        ),
        (
          "2026-11-24T16:00", "zhengtao",
          .concluded(
            ComplaintConclusionPayload(kind: .resolved, text: "已上门受理低保申请,材料一次收齐,不再要求重复提交。"))
        ),
        (
          "2026-11-25T10:00", "chenjing",
          .calledBack(
            CallbackPayload(
              method: .phone, satisfaction: .unsatisfied, notes: "申请人称审批结果仍未告知", reopenDays: 3))
        ),
      ])
  }
}

/// A service with fixed rows: the queue shows exactly what the test gives it.
final class FakeComplaintService: ComplaintService {
  var rows: [ComplaintRow]
  var complaints: [String: Complaint] = [:]
  var eventsByStream: [String: [Event]] = [:]
  var supervisionRows: [String: [SupervisionRow]] = [:]
  var performed: [(ComplaintCommand, String)] = []
  var refusal: Refusal?
  /// Counts as a store gives them for a common search word (past the cap).
  var countsOverride: [ComplaintView: Int]?

  init(rows: [ComplaintRow]) { self.rows = rows }

  func ruleTable() throws -> RuleTable { RuleTable() }
  func organisations() throws -> [Organisation] {
    [
      Organisation(code: "ZWZX", name: "区政务服务中心", kind: .district),
      Organisation(code: "SCJG", name: "区市场监督管理局", kind: .department),
      Organisation(code: "WXZ", name: "王岘镇", kind: .township),
    ]
  }
  func staffNames() throws -> [String: String] { ["chenjing": "陈静", "zhengtao": "郑涛"] }
  func complaintCounts(filter: ComplaintFilter, scope: ComplaintQueueScope) throws
    -> [ComplaintView: Int]
  {
    if let countsOverride { return countsOverride }
    var out: [ComplaintView: Int] = [:]
    for v in ComplaintView.allCases { out[v] = select(v, scope).count }
    return out
  }
  func select(_ view: ComplaintView, _ scope: ComplaintQueueScope) -> [ComplaintRow] {
    switch view {
    case .all: return rows
    case .overdue: return rows.filter { ($0.due ?? scope.today) < scope.today }
    case .callback: return rows.filter { $0.status.awaitsCallback }
    case .supervised: return rows.filter(\.supervised)
    case .dueSoon:
      return rows.filter { $0.due.map { $0 >= scope.today && $0 <= scope.soonUntil } ?? false }
    case .mine, .organisation: return rows.filter { $0.status.isOpen }
    }
  }
  func complaintQueue(
    _ view: ComplaintView, filter: ComplaintFilter, scope: ComplaintQueueScope, offset: Int,
    limit: Int
  ) throws -> [ComplaintRow] {
    Array(select(view, scope).dropFirst(offset).prefix(limit))
  }
  func complaint(id: String, for staff: Staff, revealed: Bool) throws -> VisibleComplaint? {
    complaints[id].map { Visibility(staff).masked($0, revealed: revealed) }
  }
  func events(stream: String) throws -> [Event] { eventsByStream[stream] ?? [] }
  func supervisions(caseID: String) throws -> [SupervisionRow] { supervisionRows[caseID] ?? [] }
  func registerComplaint(_ d: ComplaintDraft, by staff: Staff) throws -> String {
    if let refusal { throw refusal }
    return "BYQ-2026-000099"
  }
  func perform(_ command: ComplaintCommand, on id: String, as staff: Staff) throws
    -> Performed<Complaint>
  {
    if let refusal { throw refusal }
    guard let c = complaints[id] else { throw ComplaintMachine.missing(id) }
    performed.append((command, id))
    return Performed(before: c, after: c)
  }
  /// The machine's own answer, with the fake's organisations.
  func availability(_ step: ComplaintStep, on c: Complaint, for staff: Staff, at now: Date)
    -> Refusal?
  {
    ComplaintMachine.availability(c, step, caseContext(staff, now))
  }
  func caseContext(_ staff: Staff, _ now: Date) -> CaseContext {
    CaseContext(
      staff: staff, now: now, fold: FoldContext(calendar: shippedCalendar),
      node: NodeIdentity(code: "BYQ", name: "白银区", district: "BYQ", isDistrict: true),
      lookup: FakeCaseLookup(organisations: (try? organisations()) ?? []))
  }
  func supervisionTarget(caseID: String) throws -> SupervisionTarget? {
    SupervisionTarget(
      stream: "complaint/\(caseID)", kind: "complaint", caseID: caseID, org: "WXZ", orgName: "王岘镇",
      title: "标题")
  }
  func issueSupervision(
    on target: SupervisionTarget, method: SupervisionMethod, requirement: String, replyDays: Int,
    by staff: Staff
  ) throws -> String { "BYQ-DB-2026-0009" }
  func replySupervision(id: String, reply: String, by staff: Staff) throws {}
  var logged: [String] = []
  func logRefusal(actor: String, action: Action, subject: String?, reason: String) {
    logged.append(reason)
  }
}

/// Rows in every badge state, with long Chinese subjects.
enum QueueFixture {
  static func day(_ iso: String) -> CivilDate? { CivilDate(iso: iso) }

  static func row(
    _ n: Int, _ due: String?, _ subject: String, status: ComplaintStatus = .handling,
    type: ComplaintType = .complaint, urgency: ComplaintUrgency = .urgent,
    channel: ComplaintChannel = .hotline, org: String = "WXZ", secrecy: Confidentiality = .none,
    masked: Bool = false, supervised: Bool = false, ext: ExtensionState? = nil, merged: Int = 0,
    into: String? = nil
  ) -> ComplaintRow {
    ComplaintRow(
      caseID: "BYQ-2026-0000\(n < 10 ? "0" : "")\(n)", type: type, urgency: urgency,
      channel: channel, subject: masked ? "" : subject, handlingOrg: org, status: status,
      due: due.flatMap(day), confidentiality: secrecy, mergedInto: into, mergedCount: merged,
      extensionState: ext, supervised: supervised, masked: masked, registeredOn: day("2026-11-01"))
  }

  static let rows: [ComplaintRow] = [
    row(
      6, "2026-11-18", "反映某连锁超市销售过期食品后拒绝按规定退换并态度恶劣,市场监管部门接诉后迟迟未处理",
      urgency: .ordinary, channel: .national, org: "SCJG", supervised: true),
    row(14, "2026-11-25", "强湾乡某养殖场污水直排河道,下游村民饮用水井受到污染", channel: .phone),
    row(17, "2026-11-26", "", secrecy: .undisclosed, masked: true),
    row(
      12, "2026-11-26", "咨询灵活就业人员养老保险缴费基数调整后补缴差额的办理渠道和所需材料", type: .enquiry,
      urgency: .fairlyUrgent, channel: .provincial, org: "SCJG"),
    row(
      11, "2026-11-27", "残疾人两项补贴申请提交已超过一个月仍未审核,多次电话询问均无答复",
      urgency: .portalComplaint, channel: .website, ext: .pending),
    row(
      8, "2026-11-30", "四龙镇至白银城区公交班次减少后群众出行困难,建议恢复早晚高峰班次", type: .suggestion,
      urgency: .ordinary, channel: .city),
    row(
      20, "2026-12-01", "王岘镇某砂石厂夜间违规作业噪音扰民,周边村民无法正常休息", urgency: .fairlyUrgent,
      merged: 1),
    row(
      25, "2026-12-01", "人民路街道某小区供暖不热,多户居民室温低于十六度,物业推诿", status: .awaitingDispatch,
      org: "ZWZX"),
    row(
      19, "2026-12-15", "举报某企业冒用他人注册商标生产销售建材产品", urgency: .ordinary, channel: .national,
      org: "SCJG", secrecy: .commercialSecret),
    row(
      9, nil, "某药店在医保定点资格暂停期间仍刷医保卡结算", status: .concluded, urgency: .fairlyUrgent,
      channel: .counter, org: "SCJG"),
    row(
      22, nil, "网站留言:王岘镇砂石厂夜里开工噪声太大,请求有关部门管一管", status: .merged,
      urgency: .portalComplaint, channel: .website, into: "BYQ-2026-000020"),
    row(1, nil, "某餐馆后厨卫生状况差,就餐后出现腹泻", status: .closed, org: "SCJG"),
    row(
      15, nil, "对征地补偿标准不服,要求重新核定补偿金额", status: .rejected, urgency: .ordinary,
      channel: .website, org: "ZWZX"),
  ]
}

/// The store's answers to a case machine, from fixed organisations (nothing else is asked of it
/// by availability).
struct FakeCaseLookup: CaseLookup {
  var organisations: [Organisation]

  func organisation(_ code: String) throws -> Organisation? {
    organisations.first { $0.code == code }
  }
  func complaint(_ id: String) throws -> Complaint? { nil }
  func ruleTable() throws -> RuleTable { RuleTable() }
  func catalogDecisionContext(itemCode: String, excluding changeID: String) throws
    -> CatalogDecisionContext
  {
    CatalogDecisionContext(history: nil, organisations: [], pendingChange: nil)
  }
  func catalogItem(code: String) throws -> CatalogItem? { nil }
  func openListAdjustments(touching itemCode: String) throws -> [String] { [] }
  func noticeNumber(_ kind: NoticeKind) throws -> String { throw Refusal("fake: no numbers") }
  func recordRating(_ input: RatingInput) throws -> (rating: String, rectification: String?) {
    throw Refusal("fake: no ratings")
  }
  func staffMember(_ login: String) throws -> Staff? { nil }
}

extension FakeComplaintService {
  func performWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on id: String, of machine: M.Type, as staff: Staff
  ) throws -> Performed<M.State> {
    throw refusal ?? Refusal("fake: no case work")
  }
  func workAvailability<M: CaseWorkMachine>(
    _ step: CaseWorkStep, on state: M.State, of machine: M.Type, for staff: Staff, at now: Date
  ) -> Refusal? {
    M.workAvailability(state, step, caseContext(staff, now))
  }
  func trialWork<M: CaseWorkMachine>(
    _ command: CaseWorkCommand, on state: M.State, of machine: M.Type, for staff: Staff,
    at now: Date
  ) -> Result<M.State, Refusal> {
    M.trialWork(state, command, caseContext(staff, now))
  }
  func colleagues(of org: String) throws -> [Staff] { [] }
}
