// Linux's epoll interface, which the Glibc module does not export, for
// QMPMonitor's I/O reactor (Sources/QMPMonitor/Chardev/Stream/EPollReactor.swift).
#ifndef CEPOLL_H
#define CEPOLL_H
#include <sys/epoll.h>
#endif
