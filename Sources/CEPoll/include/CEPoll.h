// Linux's epoll interface, which the Glibc module does not export, for
// QMPReactor's epoll threads (Sources/QMPReactor/EPollReactor.swift), and
// a way to name those threads (prctl is variadic, so Swift cannot call it).
// Empty on other systems, where QMPReactor uses Dispatch sources.
#ifndef CEPOLL_H
#define CEPOLL_H
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/prctl.h>

/// Names the calling thread (at most 15 bytes are kept).
static inline void cepoll_name_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}
#endif
#endif
