/// 一件事受理通知书 — the one notice a package registration gives the applicant, naming every
/// member with its case number, organisation and deadline (第十九条: 统一反馈).
public enum PackageNotice {
  /// The template under `share/zwfw/notices/`.
  public static let templateFile = "notices/package-acceptance.txt"

  /// Every value the template uses. `issuer` is the package entry's organisation record (the
  /// centre), nil when unknown.
  public static func values(
    _ progress: PackageProgress, names: [String: String], issuer: Organisation?
  ) -> [String: String] {
    let p = progress.package
    let r = p.registration
    let members = progress.members.enumerated().map { i, m in
      let due = m.due.map { "预计\(NoticeTemplate.chineseDate($0))前办结" } ?? "办结期限以受理为准"
      return "\(i + 1). \(m.member.name)(\(m.member.organisationName),办件编号 \(m.member.caseID),"
        + "承诺\(CatalogItem.limitText(m.member.promisedDays)),\(due))"
    }
    var received: [String] = []
    for (m, status) in zip(r.materials, r.statuses) {
      switch status {
      case .received: received.append("\(received.count + 1). \(m.name)(\(m.requirement))")
      case .exempt: received.append("\(received.count + 1). \(m.name)(免提交,通过数据共享获取)")
      default: continue
      }
    }
    return [
      "文书名称": "受理通知书",
      "文书编号": r.notice,
      "文书日期": NoticeTemplate.chineseDate(p.registeredOn),
      "经办人": names[p.registeredBy] ?? p.registeredBy,
      "办件编号": p.id,
      "事项名称": r.name,
      "事项编码": r.code,
      "事项版本": String(r.version),
      "实施机关": issuer?.fullName ?? r.organisationName,
      "联系方式": NoticeTemplate.contact(issuer),
      "承诺时限": CatalogItem.limitText(r.promisedDays),
      "申请人": r.applicant.name,
      "称谓": r.applicant.kind == .person ? "你" : "你单位",
      "申请日期": NoticeTemplate.chineseDate(p.registeredOn),
      "受理日期": NoticeTemplate.chineseDate(p.registeredOn),
      "截止日期": NoticeTemplate.chineseDate(progress.due),
      "成员数": String(progress.members.count),
      "成员事项": members.joined(separator: "\n"),
      "收到材料": received.isEmpty ? "无" : received.joined(separator: "\n"),
    ]
  }
}
