import QMPClient
