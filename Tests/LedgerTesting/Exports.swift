/// Tests start programs through `Child`; importing `LedgerTesting` brings it along.
@_exported import ChildProcess
