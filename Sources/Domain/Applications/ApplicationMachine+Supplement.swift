extension ApplicationMachine {
  /// 一次性告知 — every missing or defective material listed at once (行政许可法 第三十二条).
  static func requestSupplement(_ n: inout Application, _ p: SupplementPayload, _ c: StepContext)
    -> Refusal?
  {
    guard !p.items.isEmpty else {
      return Refusal("一次性告知须至少列明一项需补正的材料")
    }
    let materials = n.item.materials
    var listed = Set<Int>()
    for d in p.items {
      guard materials.indices.contains(d.index), listed.insert(d.index).inserted else {
        return Refusal("一次性告知中的材料序号无效或重复")
      }
      let name = materials[d.index].name
      guard d.status == .missing || d.status == .defective else {
        return Refusal("「\(name)」应标为缺或有误才能列入一次性告知")
      }
      if d.status == .defective, d.note.trimmingSpaces().isEmpty {
        return Refusal("「\(name)」有误,须写明问题所在")
      }
      if let r = ApplicationRules.checkText(d.note, "「\(name)」的说明", required: false, max: 200) {
        return r
      }
    }
    if let r = ApplicationRules.checkText(p.other, "其他说明", required: false) {
      return r
    }
    // > 一次告知申请人需要补正的全部内容 — nothing required and not in hand may be left out.
    if let left = n.unsatisfiedRequired.first(where: { !listed.contains($0) }) {
      return Refusal(
        "一次性告知须列明全部需补正的材料,「\(materials[left].name)」\(n.materials[left].title)却未列入",
        article: "行政许可法第三十二条")
    }
    // A later notice may only repeat what an earlier one asked for (the resubmitted version is
    // still wrong): asking for something new would make the first notice not "one-time".
    if !n.supplementRequests.isEmpty {
      let earlier = Set(n.supplementRequests.flatMap { $0.items.map(\.index) })
      if let new = p.items.first(where: { !earlier.contains($0.index) }) {
        return Refusal(
          "一次性告知须一次列明全部补正内容,首次告知未要求「\(materials[new.index].name)」,不能再次要求",
          article: "行政许可法第三十二条")
      }
    }
    let asPreReview = n.status == .awaitingPreReview
    for d in p.items { n.materials[d.index] = d.status }
    n.status = .awaitingSupplement
    n.supplementRequests.append(
      SupplementRecord(
        items: p.items, other: p.other, on: c.date, by: c.actor, notice: p.notice,
        asPreReview: asPreReview))
    n.notices.append(
      IssuedNotice(
        kind: .supplement, number: p.notice, issuedOn: c.date, issuedBy: c.actor,
        values: [
          "补正材料": ApplicationRules.deficiencyText(p.items, materials),
          "其他说明": p.other.isEmpty ? "无" : p.other,
          "告知方式": asPreReview ? "网上预审" : "窗口收件",
          "补正期限": NoticeTemplate.chineseDate(
            c.calendar.deadline(receivedAt: c.date, workingDays: ApplicationRules.supplementDays)),
        ]))
    return nil
  }

  /// 补正收件 — the applicant came back; the intake clock starts again from today, under the
  /// same case number.
  static func supplement(_ n: inout Application, _ m: [MaterialStatus], _ c: StepContext)
    -> Refusal?
  {
    // The checklist as at 核对材料, then intake again from today.
    if let r = checkMaterials(&n, m, c) { return r }
    n.intakeStartedOn = c.date
    n.status =
      n.channel.isSelfSubmitted && n.preReview == nil ? .awaitingPreReview : .awaitingAcceptance
    return nil
  }

  /// 不予受理 — with a reason; the decision tells the applicant how to challenge it.
  static func refuse(_ n: inout Application, _ p: ReasonNoticePayload, _ c: StepContext)
    -> Refusal?
  {
    written(&n, p.reason, "不予受理理由", required: true) {
      $0.status = .notAccepted
      $0.refusal = StepRecord(on: c.date, by: c.actor, text: p.reason)
      $0.closedOn = c.date
      $0.notices.append(
        IssuedNotice(
          kind: .refusal, number: p.notice, issuedOn: c.date, issuedBy: c.actor,
          values: ["不予受理理由": p.reason]))
    }
  }

  /// 撤回 — the applicant withdraws before a decision; a running clock stop ends with it.
  static func withdraw(_ n: inout Application, _ reason: String, _ c: StepContext) -> Refusal? {
    written(&n, reason, "撤回原因", required: true) {
      $0.endRunningStop(on: c.date, by: c.actor, note: "申请人撤回申请")
      $0.status = .withdrawn
      $0.withdrawal = StepRecord(on: c.date, by: c.actor, text: reason)
      $0.closedOn = c.date
    }
  }

  /// 评价 — once, after the case is closed with a result the applicant was told.
  static func rate(_ n: inout Application, _ p: RatingPayload, _ c: StepContext) -> Refusal? {
    guard RatingPayload.levels.contains(p.level) else { return Refusal("评价等级「\(p.level)」无效") }
    if let r = ApplicationRules.checkText(p.comment, "评价内容", required: false) { return r }
    n.rating = CounterRating(
      level: p.level, realName: p.realName, on: c.date, by: c.actor, ratingID: p.ratingID,
      rectificationID: p.rectificationID)
    return nil
  }
}
