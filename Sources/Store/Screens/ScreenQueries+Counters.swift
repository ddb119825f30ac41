import Domain

extension Store {
  /// The tab counts' and the 督办 board's reads of the counters (`ProjectionCounters`): a key
  /// or a short range each; the district-wide ones read one row per organisation.
  func counterStatements(_ staff: Staff) throws -> [ScreenStatement] {
    let directory = PlanAllowance.referenceData("计数表每个单位一行(或每单位每阶段一行),大小由单位目录决定,不随办件增长")
    let org = Visibility(staff).organisation
    var out = [
      ScreenStatement("受理登记.计数.我的 (\(staff.login))", Self.mineCountSQL, [staff.login]),
      ScreenStatement("受理登记.计数.本单位 (\(staff.login))", Self.organisationCountSQL, [staff.org]),
      ScreenStatement(
        "督办总览.计数 (\(staff.login))", DeadlineCounts.sql, [org ?? "SCJG", false, 1, 600, 620]),
    ]
    if staff.has(.supervisor) {
      out.append(
        ScreenStatement(
          "受理登记.计数.全部 (\(staff.login))", Self.allCountSQL, [], allowance: directory))
    }
    for part in Self.rectificationMineCountStatements(for: staff, try supervisorWaits(staff)) {
      // 待督办 sums the counter rows of two phases (a row per organisation and phase).
      out.append(
        ScreenStatement(
          "差评整改.计数.\(part.name) (\(staff.login))", part.sql, part.args,
          allowance: part.name == "待督办" ? directory : nil))
    }
    if let org {
      out.append(
        ScreenStatement("差评整改.计数 (\(staff.login))", Self.organisationCountsSQL, [org]))
    } else {
      out.append(
        ScreenStatement(
          "差评整改.计数 (\(staff.login))", Self.allCountsSQL, [], allowance: directory))
    }
    return out
  }
}
