import Domain

/// Which stage of a sync command is running, for progress on large bundles.
public enum SyncPhase: Sendable, Equatable {
  case validating, applying, exporting

  public var title: String {
    switch self {
    case .validating: return "校验"
    case .applying: return "写入"
    case .exporting: return "导出"
    }
  }
}

extension SyncPhase {
  /// The step a sync command reports (`ProgressReporter`).
  func step(_ done: Int, _ total: Int) -> ProgressStep {
    ProgressStep(title, done: done, total: total)
  }
}

/// 等待补齐 — events of an origin that must arrive before the quarantined ones can apply.
public struct AwaitedEvents: Equatable, Sendable {
  public var origin: String
  public var from: Int64
  public var through: Int64
  /// The peer whose bundle brought the waiting events: the one to ask for the missing bundle.
  public var peer: String
  /// Events waiting in quarantine for this origin.
  public var waiting: Int

  /// `等待 BYQ 发来 BYQ.1 第 101-150 号事件(隔离区中 40 个)`
  public var description: String {
    let range = from == through ? "第 \(from) 号" : "第 \(from)-\(through) 号"
    return "等待 \(peer) 发来 \(origin) \(range)事件(隔离区中 \(waiting) 个)"
  }
}

/// What an import did, for the one-line report.
public struct ImportSummary: Equatable, Sendable {
  public enum Age: Sendable, Equatable {
    /// Older than one already imported from the same peer.
    case older
    /// The newest one imported from that peer (imported again).
    case same
    case newer
  }

  public var peer: String
  public var peerName: String
  public var serial: Int
  /// Where the bundle stands among those imported from the same peer.
  public var age: Age
  /// Events applied, per origin.
  public var applied: [String: Int]
  public var duplicates: Int
  public var quarantined: Int
  public var casesTouched: Int
  public var newConflicts: Int
  /// Events a township could not have written here, held as conflicts (`IncomingAuthority`).
  public var held = 0
  public var awaiting: [AwaitedEvents]
  /// The new streams were loaded in bulk (`Store+ImportRefold`).
  var loadedInBulk = false
  /// Anything at all was written (events, quarantine, or the peer's marks).
  public var changed: Bool

  public var totalApplied: Int { applied.values.reduce(0, +) }

  /// `BYQ.1 100、SCZ.1 20`
  static func byOrigin(_ counts: [String: Int]) -> String {
    describe(counts.mapValues(Int64.init))
  }

  /// Counts per origin in origin order: `BYQ.1 100、SCZ.1 20`.
  public static func describe(_ counts: [String: Int64]) -> String {
    counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      .joined(separator: "、")
  }

  public var message: String {
    let source = "\(peerName)(\(peer))的第 \(serial) 号同步文件"
    guard changed else {
      switch age {
      case .older: return "\(source)早于已导入的文件,其中的事件均已导入,本次未作任何更改"
      case .same: return "\(source)此前已导入,本次未作任何更改"
      case .newer: return "\(source)中没有本节点尚缺的事件,本次未作任何更改"
      }
    }
    var text = "已导入\(source): "
    if totalApplied == 0 {
      text += quarantined > 0 ? "没有可立即应用的新事件" : "没有新事件,已记录对方的接收进度"
    } else {
      text +=
        "新事件 \(totalApplied) 个(\(Self.byOrigin(applied))),涉及案件 \(casesTouched) 件,新增冲突 \(newConflicts) 个"
      if held > 0 { text += "(其中 \(held) 个事件越权,未采纳)" }
    }
    if duplicates > 0 { text += ",已有的 \(duplicates) 个事件未重复导入" }
    if !awaiting.isEmpty {
      text += ";" + awaiting.map(\.description).joined(separator: ";")
    }
    return text
  }
}
