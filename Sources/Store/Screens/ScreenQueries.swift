import Domain

/// One statement a screen runs, with representative arguments (LIMIT and OFFSET included), as
/// the store builds it: the same function produces the SQL the pane's read runs.
public struct ScreenStatement: @unchecked Sendable {
  /// `pane.view.sort (login)`: what a failing plan test names.
  public var name: String
  public var sql: String
  public var args: [any SQLBindable]
  /// Why this statement may break a rule of the plan test; nil when it keeps all of them.
  public var allowance: PlanAllowance?

  public init(
    _ name: String, _ sql: String, _ args: [any SQLBindable], allowance: PlanAllowance? = nil
  ) {
    self.name = name
    self.sql = sql
    self.args = args
    self.allowance = allowance
  }
}

/// The one reason a screen statement may depart from "read an index in page order, stop at the
/// page". Each says why in words the plan test prints.
public enum PlanAllowance: Equatable, Sendable {
  /// Reads a table sized by the district's set-up (organisations, staff, rules, the item
  /// catalogue), not by its cases: a scan or a sort of it does not grow with the years.
  case referenceData(String)
  /// Reads an index from its start in page order and stops at the page (`SCAN … USING INDEX`
  /// under LIMIT, every row read is a row shown).
  case orderedScan(String)
  /// Sorts a set whose size a constant bounds, not the database (a rare word's index list).
  case boundedSort(String)
  /// Not yet in page order. The test checks that it still is not, so whoever fixes it removes
  /// the mark (and the report lists what is left).
  case pending(String)
}

/// 画面语句目录 — every statement the panes run for their first frame and their pages: each
/// queue in every view and sort (受理登记, 投诉建议, 差评整改, 督办 and its drill-down, 事项库), the
/// 查找 (F7) probes, a case's timeline, the 督办总览 and the 视为受理 sweep, for a district supervisor and for
/// clerks whose visibility narrows the scope. `ScreenStatementPlanTests` asserts each one's
/// `EXPLAIN QUERY PLAN`. A new screen read adds its entry here (the counters of the tab counts
/// and badges add theirs as `counterStatements`).
extension Store {
  public func screenStatements(for staff: [Staff]) throws -> [ScreenStatement] {
    var out = sweepStatements()
    for s in staff {
      out += try applicationStatements(s)
      out += try complaintStatements(s)
      out += try rectificationStatements(s)
      out += supervisionStatements(s)
      out += try counterStatements(s)
    }
    out += catalogStatements()
    out += findStatements()
    out.append(ScreenStatement("办件.时间线", Journal.streamSQL, ["application/BYQ-2026-000001"]))
    out += referenceStatements()
    return out
  }

  /// A first page's LIMIT and OFFSET.
  static var page: [any SQLBindable] { [200, 0] }

  func sweepStatements() -> [ScreenStatement] {
    [
      ScreenStatement("受理登记.视为受理候选", Self.preReviewCandidatesSQL, []),
      ScreenStatement("受理登记.视为受理核对", Self.preReviewCheckSQL, ["BYQ-2026-000001"]),
    ]
  }

  func applicationStatements(_ staff: Staff) throws -> [ScreenStatement] {
    var out: [ScreenStatement] = []
    for queue in ApplicationQueue.allCases where queue != .all || staff.has(.supervisor) {
      for sort in ApplicationSort.allCases {
        // No search; a search of one character, of two, and of more (a phrase of pairs): each
        // the fragment's list in application_search, newest first, whatever the sort.
        for search in ["", "王", "金穗", "金穗餐饮"] {
          let (sql, args) = try Self.applicationQueueStatement(
            queue, for: staff, search: search, sort: sort)
          let name =
            "受理登记.\(queue.rawValue).\(sort.rawValue)\(search.isEmpty ? "" : ".搜索「\(search)」") (\(staff.login))"
          let allowance: PlanAllowance? =
            queue == .all && search.isEmpty
            ? .orderedScan("全部即只含在办件的部分索引,其次序即页序,读满一页即停") : nil
          out.append(ScreenStatement(name, sql, args + Self.page, allowance: allowance))
        }
      }
    }
    return out
  }

  func complaintStatements(_ staff: Staff) throws -> [ScreenStatement] {
    let scope = ComplaintQueueScope(staff: staff, today: today, calendar: calendar)
    var out: [ScreenStatement] = []
    for view in ComplaintView.allCases {
      let plain: PlanAllowance?
      switch view {
      case .all: plain = .orderedScan("全部即 complaint_by_queue_order 的次序,读满一页即停")
      case .supervised where scope.visibility.organisation == nil:
        plain = .orderedScan("待督办回复即部分索引 complaint_supervised_queue 的次序,读满一页即停")
      default: plain = nil
      }
      // No search; a word an index holds (in 全部 its index list read newest first, stopping
      // at the page; in a view, a word found in few cases: its index list, sorted, fewer than
      // `ComplaintSearch.commonAt`); one character, which no index holds (the view read in its
      // order, each case's text checked until the page is full).
      let word: PlanAllowance? =
        view == .all ? nil : .boundedSort("该词的索引列表少于 ComplaintSearch.commonAt 件")
      let searches: [(String, String?, PlanAllowance?)] = [
        ("", nil, plain),
        (".搜索「窗口」", "窗口", word),
        (".搜索「窗口排队」", "窗口排队", word),
        (".搜索「窗」", "窗", plain),
      ]
      for (label, word, allowance) in searches {
        guard
          let (sql, args) = try complaintQueueStatement(
            view, filter: ComplaintFilter(search: word), scope: scope)
        else { continue }
        out.append(
          ScreenStatement(
            "投诉建议.\(view.rawValue)\(label) (\(staff.login))", sql, args + Self.page,
            allowance: allowance))
      }
    }
    return out
  }

  func rectificationStatements(_ staff: Staff) throws -> [ScreenStatement] {
    let org = Visibility(staff).organisation
    let (mine, mineArgs) = Self.rectificationMineStatement(for: staff, try supervisorWaits(staff))
    return [ScreenStatement("差评整改.我的 (\(staff.login))", mine, mineArgs + Self.page)]
      + ([nil] + RectificationPhase.allCases.map { Optional($0) }).map { phase in
        let (sql, args) = Self.rectificationQueueStatement(phase: phase, organisation: org)
        let whole = phase == nil && org == nil
        return ScreenStatement(
          "差评整改.\(phase?.rawValue ?? "全部") (\(staff.login))", sql, args + Self.page,
          allowance: whole
            ? .orderedScan("全部即 rectification_queue 的次序(未办结在前),读满一页即停") : nil)
      }
  }

  func supervisionStatements(_ staff: Staff) -> [ScreenStatement] {
    let visibility = Visibility(staff)
    let org = visibility.organisation
    var out: [ScreenStatement] = []
    let (notices, noticeArgs) = Self.supervisionNoticesStatement(org: org)
    out.append(
      ScreenStatement(
        "督办.督办通知 (\(staff.login))", notices, noticeArgs + Self.page,
        allowance: org == nil
          ? .orderedScan("全部通知即 supervision_queue 的次序(未回复在前),读满一页即停") : nil))
    let drilled = org ?? "SCJG"
    out.append(
      ScreenStatement(
        "督办.单位案件 (\(staff.login))", Self.drillDownSQL, [drilled] + Self.page))
    if org == nil {
      out.append(ScreenStatement("督办总览.下一单位", Self.overviewNextOrgSQL, [""]))
    }
    return out
  }

  func catalogStatements() -> [ScreenStatement] {
    let catalogue = PlanAllowance.referenceData("事项目录的大小由本区事项决定,不随办件增长")
    var out: [ScreenStatement] = []
    for text in ["", "登记", "食品经营许可"] {
      let (sql, args) = Self.searchQuery(
        text, columns: Self.catalogSummaryColumns, limit: 2000)
      out.append(
        ScreenStatement(
          "事项库.事项\(text.isEmpty ? "" : ".搜索「\(text)」")", sql, args,
          allowance: text.isEmpty
            ? .orderedScan("事项按编码即唯一索引的次序,读满一页即停") : catalogue))
    }
    out.append(ScreenStatement("事项库.变更申请.未办结", Self.catalogChangesSQL(openOnly: true), [500]))
    out.append(ScreenStatement("事项库.变更申请.全部", Self.catalogChangesSQL(openOnly: false), [500]))
    out.append(ScreenStatement("事项库.清单调整.未办结", Self.openListAdjustmentsSQL, [500]))
    out.append(ScreenStatement("事项库.清单调整.已办结", Self.finishedListAdjustmentsSQL, [500]))
    return out
  }

  func findStatements() -> [ScreenStatement] {
    var out: [ScreenStatement] = []
    for text in ["BYQ2026", "000074", "王"] {
      guard case .success(let query) = FindQuery.parse(text) else { continue }
      for probe in query.probes {
        let (sql, args) = Self.findSQL(probe)
        out.append(ScreenStatement("查找「\(text)」\(probe.key)", sql, args + [100]))
      }
    }
    return out
  }

  func referenceStatements() -> [ScreenStatement] {
    let small = PlanAllowance.referenceData("单位、人员、规则表由本区设置决定,不随办件增长")
    return [
      ScreenStatement("单位列表", Self.organisationsSQL, [], allowance: small),
      ScreenStatement("单位名称", Self.organisationNamesSQL, [], allowance: small),
      ScreenStatement("人员姓名", Self.staffNamesSQL, [], allowance: small),
      ScreenStatement("规则表", Self.ruleTableSQL, [], allowance: small),
    ]
  }
}
