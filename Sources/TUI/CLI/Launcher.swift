import Domain
import Foundation
import Store

#if canImport(Glibc)
  import Glibc
#endif

/// Opens the workstation full-screen: checks everything that can be checked before curses starts
/// (database, operator, locale, terminal), then runs the key loop until the clerk quits.
enum Launcher {
  static func run(_ env: CLIEnvironment, output: Output) throws -> Int32 {
    // An upgrade on opening draws its own screen, on the terminal the workstation then uses.
    let upgrade = UpgradeDisplay(env)
    var handedOver = false
    defer { if !handedOver { upgrade.curses?.stop() } }
    guard let store = try upgrade.open() else { return 0 }
    let staff = try env.resolveOperator(store)
    try checkLocale(env.environment)
    try checkTerminal(env.environment)
    guard isatty(0) == 1, isatty(1) == 1 else {
      throw StoreError.invalid("标准输入/输出不是终端,无法打开工作台;命令行用法见 zwfw --help")
    }
    var workstation = Workstation(
      panes: PaneRegistry.panes(store: store, context: try AppContext(store: store, staff: staff)),
      context: try AppContext(store: store, staff: staff))
    workstation.finder = store
    workstation.phrases = store
    workstation.sheetPrinter = StoreSheetPrinter(store: store)
    let curses =
      upgrade.curses
      ?? Curses(forceMonochrome: monochrome(env), escapeDelay: Curses.escapeDelay(env.environment))
    handedOver = true
    defer { curses.stop() }
    var shown: Frame?
    var minute = minuteOf(store.now)
    // A step's commit does not copy the WAL into the database: that waits for a pause.
    store.deferCheckpoints()
    defer { store.checkpointIfDue() }
    while !workstation.finished {
      let size = curses.size
      let frame = workstation.render(width: size.width, height: size.height)
      if frame != shown {
        curses.draw(frame)
        shown = frame
      }
      // With a checkpoint due, a tenth of a second without a key is pause enough for it.
      guard let key = curses.readKey(timeoutMs: store.checkpointDue ? 100 : 1000) else {
        store.checkpointIfDue()
        // Redraw only when something shown changed: the clock's minute, or other clerks' work.
        let m = minuteOf(store.now)
        if m != minute {
          minute = m
          workstation.refresh(try AppContext(store: store, staff: staff))
        }
        continue
      }
      if key == .resize {
        curses.invalidate()
        shown = nil
        continue
      }
      workstation.handle(key == .control("c") ? .function(10) : key, size: size)
    }
    return 0
  }

  static func monochrome(_ env: CLIEnvironment) -> Bool {
    env.arguments.has("--monochrome") || env.environment["NO_COLOR"] != nil
  }

  static func minuteOf(_ d: Date) -> Int { Int(d.timeIntervalSince1970 / 60) }
}
