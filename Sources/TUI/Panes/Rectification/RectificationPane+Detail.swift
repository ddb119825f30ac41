import Domain
import Store

extension RectificationPane {
  /// The case view: the rating, each stage as far as it has gone, and the timeline.
  func detailLines(_ s: Rectification, _ events: [Event], _ context: AppContext) -> [DetailLine] {
    let r = s.rating
    let clean = FieldText.sanitizeForDisplay
    // Phone numbers whole only to the serving organisation and supervisors.
    let mayContact = Visibility(context.staff).wholeContact(handlingOrg: s.organisation)
    var lines: [DetailLine] = [.heading("评价")]
    lines.append(.field("服务单位", organisationNames[s.organisation] ?? s.organisation))
    lines.append(
      .field("事项", clean(r.itemName) + (r.itemCode.isEmpty ? "" : "(\(clean(r.itemCode)))")))
    lines.append(
      .styled(
        "评价等级", "\(r.level.title)  \(r.channel.title)  \((r.ratedOn ?? s.openedOn).iso)",
        r.level == .veryDissatisfied ? .warning : .bold))
    if r.realName {
      let phone = r.reviewerPhone.map { mayContact ? $0 : PhoneNumber.mask($0) } ?? ""
      lines.append(.field("评价人", "\(clean(r.reviewerName ?? ""))  \(phone)  实名,须回访"))
    } else {
      lines.append(.field("评价人", "匿名评价,无联系方式"))
    }
    lines.append(.field("评价内容", clean(r.comment)))
    lines.append(.field("评价编号", s.ratingID + (r.serviceCaseID.map { "  办件 \($0)" } ?? "")))
    if currentRating?.invalid == true {
      lines.append(.styled("无效差评", "已标记,不计入满意度统计", .warning))
    }
    lines += stageLines(s, context)
    lines.append(.blank)
    lines += CaseWorkLines.fields(s.work, assignee: s.work.assignee, names: staffNames)
    lines += Timeline.lines(events, names: staffNames, zone: context.zone)
    return lines
  }

  func stageLines(_ s: Rectification, _ context: AppContext) -> [DetailLine] {
    let clean = FieldText.sanitizeForDisplay
    let who = { (login: String?) in login.map { staffNames[$0] ?? $0 } ?? "" }
    var lines: [DetailLine] = [.blank, .heading("核实")]
    let verifyDue = s.verifyDue(context.calendar)
    if let contact = s.contact {
      lines.append(.field("联系方式", "\(contact.title)  核实人 \(who(s.verifiedBy))"))
      lines.append(.field("核实情况", clean(s.findings ?? "")))
    } else {
      lines.append(.field("核实期限", "\(verifyDue.iso)(次一工作日内联系评价人核实)"))
    }
    if let claim = s.claim {
      lines += [.blank, .heading("无效差评申请")]
      lines.append(.field("申请理由", "\(claim.title)  申请人 \(who(s.claimedBy))"))
      lines.append(.field("证明材料", clean(s.evidence ?? "")))
      let result: String
      switch s.reviewApproved {
      case true?: result = "通过,已标记为无效差评(复核人 \(who(s.reviewedBy)))"
      case false?: result = "不通过,转入整改(复核人 \(who(s.reviewedBy)))"
      case nil: result = "待督办人员复核(本单位人员不能复核)"
      }
      lines.append(.field("复核结论", result))
    }
    if s.track != nil || s.phase == .rectifying || s.feedback != nil {
      lines += [.blank, .heading("整改" + (s.rounds > 1 ? "(第\(s.rounds)轮)" : ""))]
      lines.append(.field("整改方式", s.track.map(trackTitle) ?? "待确定(按 m 选择)"))
      if let due = s.due(context.calendar) {
        let badge = context.calendar.countdown(today: context.today, due: due)
        lines.append(
          .styled(
            "整改期限",
            "\(due.iso)  \(badge.label)" + (s.extensions > 0 ? "  已延期\(s.extensions)次" : ""),
            CountdownBadge.style(badge)))
      }
      lines += extensionLines(s)
      if let f = s.feedback { lines.append(.field("整改措施", clean(f))) }
    }
    if s.phase == .awaitingCallback || s.callbackAttempts > 0 || s.noCallbackReason != nil {
      lines += [.blank, .heading("回访")]
      if s.callbackAttempts > 0 {
        lines.append(
          .field("回访情况", "已回访\(s.callbackAttempts)次,评价人\(s.lastResponse?.title ?? "")"))
      } else if s.noCallbackReason == nil {
        lines.append(.field("回访情况", s.rating.realName ? "待回访(实名差评须回访)" : "待回访(匿名差评可不回访办结)"))
      }
      if let reason = s.noCallbackReason { lines.append(.field("不回访原因", clean(reason))) }
    }
    if s.phase == .closed {
      lines.append(.blank)
      lines.append(.styled("办结", "\(s.closedOn?.iso ?? "")  \(s.outcome?.title ?? "")", .bold))
    }
    return lines
  }
}
