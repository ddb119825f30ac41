import Domain
import Foundation
import Store

/// `zwfw migrate`: the upgrade an installation runs ahead, so no clerk waits for it.
enum MigrateCommand {
  static var all: [Command] {
    [
      Command(
        ["migrate"], .optional(.quiet),
        summary: "升级数据库(升级结构,需要时重建数据视图);安装新版本后由系统管理员先运行,免得工作人员打开工作台时等待", run: migrate)
    ]
  }

  static func migrate(_ env: CLIEnvironment, _ out: Output) throws {
    // Opening is the upgrade (`Store.open`); a clock problem is for the clerks' work, not this.
    let store = try env.openStore(checkingClock: false)
    let path = env.databasePath.path
    if let from = store.upgradedFrom, from < store.schemaVersion {
      out.line("已升级数据库 \(path): 版本 \(from) → \(store.schemaVersion),数据视图已按新版本重建")
    } else if store.upgradedFrom != nil {
      out.line("已完成数据库 \(path) 待做的数据视图重建(版本 \(store.schemaVersion))")
    } else {
      out.line("数据库 \(path) 已是最新版本(\(store.schemaVersion)),无需升级")
    }
  }
}
