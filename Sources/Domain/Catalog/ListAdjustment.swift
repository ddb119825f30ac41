import Foundation

/// 清单 — the lists whose adjustment obliges a catalog update (第十条).
public enum AdjustedList: String, Codable, Titled {
  /// 权责清单
  case powers
  /// 行政许可事项清单
  case licensing
  /// 投资项目审批事项清单
  case investment
  /// 工程建设项目审批事项清单
  case construction
  /// "跨省通办"事项清单
  case crossProvince
  /// 其他清单 (公共服务事项清单 …)
  case other

  public var title: String {
    switch self {
    case .powers: return "权责清单"
    case .licensing: return "行政许可事项清单"
    case .investment: return "投资项目审批事项清单"
    case .construction: return "工程建设项目审批事项清单"
    case .crossProvince: return "跨省通办事项清单"
    case .other: return "其他清单"
    }
  }

}

/// Payload of `listAdjustment.recorded`.
public struct ListAdjustmentRecord: EventPayload {
  public var list: AdjustedList
  /// The day the list was adjusted: the 10 working days count from it.
  public var adjustedOn: CivilDate
  /// 调整依据 — the document that adjusted it (文号).
  public var document: String
  public var description: String
  /// The organisation that must update its items (the district centre when several).
  public var organisation: String
  /// 涉及事项 — codes of the items touched (a code not yet in the catalog is an item to open).
  public var items: [String]
}

extension ListAdjustmentRecord {
  /// The adjustment of `list` on `day` by `document`, calling on `organisation` to update the
  /// items `codes` (what the manager records; `ListAdjustmentRules.check` judges it).
  public static func adjustment(
    of list: AdjustedList, on day: CivilDate, document: String, description: String,
    organisation: String, codes: [String]
  ) -> Self {
    Self(
      list: list, adjustedOn: day, document: document, description: description,
      organisation: organisation, items: codes)
  }
}

/// Payload of `listAdjustment.itemSettled`.
public struct ListAdjustmentSettlement: EventPayload {
  public var code: String
  public var changeID: String
}

/// 清单调整任务 — one adjustment of a list and the catalog updates it calls for.
public struct ListAdjustment: Codable, Equatable, Sendable {
  public enum State: String, Codable, Sendable {
    /// 待更新
    case open
    /// 已完成 — every item touched has been updated.
    case settled
    /// 已核销 — closed by a manager with a reason.
    case closed

    public var title: String {
      switch self {
      case .open: return "待更新"
      case .settled: return "已完成"
      case .closed: return "已核销"
      }
    }
  }

  public var id: String
  public var record: ListAdjustmentRecord
  public var recordedBy: String
  public var recordedOn: CivilDate
  /// Item code → the change that settled it.
  public var settled: [String: String]
  public var state: State
  public var closedReason: String?
  public var closedBy: String?

  /// The codes not yet settled, in the order recorded.
  public var unsettled: [String] { record.items.filter { settled[$0] == nil } }
}
