extension MonitorCommandLine {
    /// The `--help` text of a daemon named `programName`, `summary`
    /// (one paragraph) after the usage line.
    public static func usage(programName: String, summary: String) -> String {
        """
        usage: \(programName) [options]

        \(summary)

        Options (QEMU's syntax):
          -chardev socket,id=ID,path=PATH,server=on,wait=off
          -chardev socket,id=ID,host=HOST,port=PORT,server=on,wait=off
          -chardev socket,id=ID,path=PATH          connect to a server instead
          -chardev null,id=ID | ringbuf,id=ID[,size=N] | memory,id=ID[,size=N]
                   | stdio,id=ID
                                      create a character device (wait=on is
                                      not supported: servers never wait)
          -mon chardev=ID[,mode=control|readline][,pretty=on][,id=NAME]
                                      a monitor on a character device (mode
                                      defaults to readline, the human monitor)
          -qmp unix:PATH,server=on,wait=off | tcp:HOST:PORT,server=on,wait=off
               | stdio | chardev:ID   a QMP monitor on a new character device
                                      (compat_monitorN) or an existing one
          -qmp-pretty                 pretty output for the -qmp monitors after it
          -monitor SPEC               like -qmp, for a human monitor
          -S                          start paused (run state prelaunch)
          -name NAME                  the name query-name reports
          --report-version X.Y.Z      the version query-version reports
          --report-package TEXT       the package string query-version reports
          --version                   print the version and exit
          --help                      print this help and exit

        Monitors without id= get monitor0, monitor1, ... (QMP only). SIGINT,
        SIGTERM and SIGHUP send SHUTDOWN (reason host-signal) and exit 0; the
        quit command does the same with reason host-qmp-quit.
        """
    }
}
