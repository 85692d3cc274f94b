/// The bookkeeping behind ``ConnectionLimits``: which connections are open, from where, and which have said nothing
/// yet. Pure, so each rule is tested without sockets; ``ConnectionGate`` runs it under a lock.
struct ConnectionTable: Sendable {
    let limits: ConnectionLimits
    /// Open connections admitted and not yet closed.
    private(set) var open = 0
    private var perAddress: [String: Int] = [:]
    /// Admitted connections that have not sent a byte, oldest first (ids only grow); `silentQueue` may hold ids that
    /// since spoke or closed, skipped when met.
    private var silent: Set<Int> = []
    private var silentQueue: [Int] = []
    private var silentHead = 0
    private var nextID = 0

    init(limits: ConnectionLimits) { self.limits = limits }

    enum Decision: Equatable, Sendable {
        /// Admitted as `id`; `evicting` names the silent connection to close to make room.
        case admitted(id: Int, evicting: Int?)
        case refused(Refusal)
    }

    enum Refusal: Equatable, Sendable {
        /// The address already holds ``ConnectionLimits/maxPerAddress`` connections.
        case address
        /// The server holds ``ConnectionLimits/maxConnections`` and none of them is silent.
        case full
    }

    /// Admits a connection from `address`, or says why not.
    mutating func admit(from address: String) -> Decision {
        guard perAddress[address, default: 0] < limits.maxPerAddress else { return .refused(.address) }
        var evicting: Int?
        if open >= limits.maxConnections {
            guard let oldest = takeOldestSilent() else { return .refused(.full) }
            evicting = oldest
        }
        let id = nextID
        nextID += 1
        open += 1
        perAddress[address, default: 0] += 1
        silent.insert(id)
        silentQueue.append(id)
        compactIfSparse()
        return .admitted(id: id, evicting: evicting)
    }

    /// The connection sent its first bytes: it is no longer the first to make room.
    mutating func spoke(_ id: Int) {
        silent.remove(id)
    }

    /// The connection closed.
    mutating func closed(_ id: Int, from address: String) {
        silent.remove(id)
        open -= 1
        let left = perAddress[address, default: 1] - 1
        perAddress[address] = left > 0 ? left : nil
    }

    /// Whether `id` is still waiting for its first byte.
    func isSilent(_ id: Int) -> Bool { silent.contains(id) }

    private mutating func takeOldestSilent() -> Int? {
        while silentHead < silentQueue.count {
            let id = silentQueue[silentHead]
            silentHead += 1
            if silent.remove(id) != nil { return id }
        }
        return nil
    }

    /// Rebuilds the queue from the silent set once most of it is ids that spoke, closed or were taken, so it stays
    /// about as long as the set however many connections come and go.
    private mutating func compactIfSparse() {
        guard silentQueue.count > 1024, silentQueue.count > 2 * silent.count else { return }
        silentQueue = silentQueue[silentHead...].filter(silent.contains)
        silentHead = 0
    }

    /// Entries the queue holds, for the test that it stays bounded.
    var queuedCount: Int { silentQueue.count - silentHead }
}
