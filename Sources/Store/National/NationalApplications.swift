import Domain

/// 表5 办事申请, 表6 事项受理 and 表8 事项办结, from the folds of the application streams.
enum NationalApplications {
  static let applicationHeader = [
    "办件编号", "实施编码", "事项编码", "事项名称", "办件类型", "办件类型代码", "申请者名称", "申请者证件类型代码",
    "申请者证件号码", "联系人手机号码", "申报来源代码", "申请时间", "行政区划",
  ]

  /// Every application registered in the period.
  static func applications(_ all: [FoldedStream<Application>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: applicationHeader)
    for f in all where c.includes(f.state.registeredOn) {
      let a = f.state
      let type = CaseType.of(promisedDays: a.item.promisedDays)
      t.append([
        c.caseNumber(a.caseID), c.nationalCodes[a.item.code]?.implementation ?? "",
        a.item.code, a.item.name, type.name, type.code,
        a.applicant.name, IDTypeCode(a.applicant.kind).code, a.applicant.idNumber,
        a.applicant.phone, HandlingForm(a.channel).code,
        c.dateTime(a.platform?.appliedAt ?? a.registeredAt), c.region,
      ])
    }
    return t
  }

  static let acceptanceHeader = [
    "办件编号", "基本编码", "实施编码", "事项编码", "事项名称", "受理单位名称", "受理单位统一社会信用代码", "受理人员",
    "受理时间", "受理文书编号", "承诺办结时间", "办件类型", "办件类型代码", "行政区划",
  ]

  /// Every application accepted (or deemed accepted) in the period. 受理单位 is the item's
  /// implementing organisation, in whose name the counter accepts; a deemed acceptance has no
  /// 受理人员.
  static func acceptances(_ all: [FoldedStream<Application>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: acceptanceHeader)
    for f in all {
      let a = f.state
      guard let on = a.acceptedOn, c.includes(on) else { continue }
      let event = f.events.last {
        $0.type == .applicationAccepted || $0.type == .applicationDeemedAccepted
      }
      let type = CaseType.of(promisedDays: a.item.promisedDays)
      let notice = a.notices.first { $0.kind == .acceptance }?.number ?? ""
      t.append([
        c.caseNumber(a.caseID), c.nationalCodes[a.item.code]?.basic ?? "",
        c.nationalCodes[a.item.code]?.implementation ?? "", a.item.code, a.item.name,
        c.orgName(a.item.organisation), c.creditCode(a.item.organisation),
        a.acceptance.map { c.name($0.by) } ?? "",
        event.map { c.dateTime($0.timestamp) } ?? NationalFormat.dateTime(on), notice,
        a.mainDue(c.calendar).map { NationalFormat.dateTime($0, endOfDay: true) } ?? "",
        type.name, type.code, c.region,
      ])
    }
    return t
  }

  static let conclusionHeader = [
    "办件编号", "办理人姓名", "办结时间", "结果证照名称", "结果证照编号", "办件结果描述", "发证/盖章单位",
    "是否快递寄送结果", "是否收费", "行政区划",
  ]

  /// Every application concluded (办结: the result handed over) in the period.
  static func conclusions(_ all: [FoldedStream<Application>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: conclusionHeader)
    for f in all {
      let a = f.state
      guard a.status == .concluded, let done = a.conclusion, c.includes(done.on) else { continue }
      let event = f.events.last { $0.type == .applicationConcluded }
      var result = a.decision?.title ?? ""
      if let reason = a.decisionRecord?.text, !reason.isEmpty { result += ":" + reason }
      let issuer = c.organisations[a.item.organisation]
      t.append([
        c.caseNumber(a.caseID), c.name(done.by),
        event.map { c.dateTime($0.timestamp) } ?? NationalFormat.dateTime(done.on),
        done.certificateName, done.certificateNumber, result,
        issuer?.fullName ?? issuer?.name ?? a.item.organisationName,
        NationalFormat.flag(done.delivery == .post), NationalFormat.flag(done.feeFen > 0),
        c.region,
      ])
    }
    return t
  }
}
