/// 受理权限 — who may do what with an application.
///
/// - 受理台 (intake desk) steps — registering, checking materials, pre-review, accepting, the
///   one-time notice, taking the supplement, refusing, recording a withdrawal, concluding (handing
///   the result over) and taking the rating — belong to counter clerks and handlers of the
///   implementing organisation. Counter clerks of the service centre (an organisation of kind
///   `district`, 区政务服务中心) do them for every item: the centre's windows take in and hand out
///   for all departments (一窗受理, 第十八条).
/// - 审查 and 决定, and the clock stops they need (现场勘验 …), are the implementing
///   organisation's legal act: only its handlers take them. Supervisors watch but do not decide.
public enum ApplicationActions {
  static let intakeRoles: Set<Role> = [.counter, .handler]

  public static let register = Action(
    "application.register", "登记申请", roles: intakeRoles, ownOrganisationOnly: true)
  public static let checkMaterials = Action(
    "application.checkMaterials", "核对申请材料", roles: intakeRoles, ownOrganisationOnly: true)
  public static let preReview = Action(
    "application.preReview", "网上预审", roles: intakeRoles, ownOrganisationOnly: true)
  public static let accept = Action(
    "application.accept", "受理申请", roles: intakeRoles, ownOrganisationOnly: true)
  public static let requestSupplement = Action(
    "application.requestSupplement", "出具一次性告知书", roles: intakeRoles, ownOrganisationOnly: true)
  public static let recordSupplement = Action(
    "application.recordSupplement", "补正收件", roles: intakeRoles, ownOrganisationOnly: true)
  public static let refuse = Action(
    "application.refuse", "作出不予受理决定", roles: intakeRoles, ownOrganisationOnly: true)
  public static let conclude = Action(
    "application.conclude", "办结", roles: intakeRoles, ownOrganisationOnly: true)
  public static let withdraw = Action(
    "application.withdraw", "登记撤回申请", roles: intakeRoles, ownOrganisationOnly: true)
  public static let rate = Action(
    "application.rate", "录入申请人评价", roles: intakeRoles, ownOrganisationOnly: true)
  public static let reproduceNotice = Action(
    "application.notice", "重新生成文书", roles: intakeRoles, ownOrganisationOnly: true)

  public static let review = Action(
    "application.review", "审查申请", roles: [.handler], ownOrganisationOnly: true)
  public static let clockStop = Action(
    "application.clockStop", "启动或结束特别程序", roles: [.handler], ownOrganisationOnly: true)
  public static let decide = Action(
    "application.decide", "作出准予或不予准予决定", roles: [.handler], ownOrganisationOnly: true)

  /// 延长审批 — a supervisor approves extending the decision limit once (行政许可法 第四十二条:
  /// 经本行政机关负责人批准). The supervisor's reach is the role's own, across organisations.
  public static let extendLimit = Action(
    "application.extendLimit", "批准延长审批期限", roles: [.supervisor], ownOrganisationOnly: true)

  /// 文书目录和打印机 — node-local, set by the node's admin.
  public static let configureNotices = Action(
    "notice.configure", "设置文书保存目录和打印机", roles: [.admin])
  /// 网上预审时限 — district data.
  public static let configurePreReview = Action(
    "application.configure", "设置网上预审时限", roles: [.admin])

  /// Steps only the implementing organisation's handlers take.
  static let handlingActions: Set<String> = [
    review.code, clockStop.code, decide.code, extendLimit.code,
  ]

  /// The organisation the permission check compares the operator's with: the implementing one,
  /// except that the service centre's counter clerks take in and hand out for every item.
  public static func organisation(
    for action: Action, staff: Staff, implementing: String, staffAtServiceCentre: Bool
  ) -> String {
    if !handlingActions.contains(action.code), staffAtServiceCentre, staff.has(.counter) {
      return staff.org
    }
    return implementing
  }

  /// Who may open a case: `Visibility.mayOpenApplication`.
  public static func canView(
    _ staff: Staff, _ a: Application, staffAtServiceCentre: Bool
  ) -> Bool {
    Visibility(staff).mayOpenApplication(
      implementingOrg: a.item.organisation, registeredOrg: a.registeredOrg,
      atServiceCentre: staffAtServiceCentre)
  }
}
