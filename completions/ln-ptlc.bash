_ln__ptlc() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="ln__ptlc"
                ;;
            ln__ptlc,help)
                cmd="ln__ptlc__subcmd__help"
                ;;
            ln__ptlc,sim)
                cmd="ln__ptlc__subcmd__sim"
                ;;
            ln__ptlc__subcmd__help,help)
                cmd="ln__ptlc__subcmd__help__subcmd__help"
                ;;
            ln__ptlc__subcmd__help,sim)
                cmd="ln__ptlc__subcmd__help__subcmd__sim"
                ;;
            ln__ptlc__subcmd__help__subcmd__sim,explore)
                cmd="ln__ptlc__subcmd__help__subcmd__sim__subcmd__explore"
                ;;
            ln__ptlc__subcmd__sim,explore)
                cmd="ln__ptlc__subcmd__sim__subcmd__explore"
                ;;
            ln__ptlc__subcmd__sim,help)
                cmd="ln__ptlc__subcmd__sim__subcmd__help"
                ;;
            ln__ptlc__subcmd__sim__subcmd__help,explore)
                cmd="ln__ptlc__subcmd__sim__subcmd__help__subcmd__explore"
                ;;
            ln__ptlc__subcmd__sim__subcmd__help,help)
                cmd="ln__ptlc__subcmd__sim__subcmd__help__subcmd__help"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        ln__ptlc)
            opts="-h -V --network --json --generate --generate-dir --help --version sim help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate)
                    COMPREPLY=($(compgen -W "man bash zsh fish" -- "${cur}"))
                    return 0
                    ;;
                --generate-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__help)
            opts="sim help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__help__subcmd__sim)
            opts="explore"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__help__subcmd__sim__subcmd__explore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__sim)
            opts="-h --config --seed --duration-s --rtt-ms --processing-ms --rate-a-per-s --rate-b-per-s --amount-min-sat --amount-max-sat --hold-ms --feerate-move-rate-per-s --feerate-move-pct --disconnect-prob --reconnect-ms --mode --max-events --capacity-sat --balance-a-sat --feerate-per-kw --channel-type --reserve-sat --dust-limit-sat --max-accepted-htlcs --fee-spike-buffer --fee-buffer-a --fee-buffer-b --max-dust-exposure-a-sat --max-dust-exposure-b-sat --network --json --help explore help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration-s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rtt-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --processing-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate-a-per-s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate-b-per-s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount-min-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount-max-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hold-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-move-rate-per-s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-move-pct)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --disconnect-prob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reconnect-ms)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mode)
                    COMPREPLY=($(compgen -W "async turn both" -- "${cur}"))
                    return 0
                    ;;
                --max-events)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --capacity-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --balance-a-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-per-kw)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --channel-type)
                    COMPREPLY=($(compgen -W "static_remotekey anchors" -- "${cur}"))
                    return 0
                    ;;
                --reserve-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dust-limit-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-accepted-htlcs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-spike-buffer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-buffer-a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-buffer-b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-dust-exposure-a-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-dust-exposure-b-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__sim__subcmd__explore)
            opts="-h --config --script-a --script-b --max-states --max-depth --disconnects --auto-fulfill --mode --capacity-sat --balance-a-sat --feerate-per-kw --channel-type --reserve-sat --dust-limit-sat --max-accepted-htlcs --fee-spike-buffer --fee-buffer-a --fee-buffer-b --max-dust-exposure-a-sat --max-dust-exposure-b-sat --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --script-a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --script-b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-states)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --disconnects)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mode)
                    COMPREPLY=($(compgen -W "async turn both" -- "${cur}"))
                    return 0
                    ;;
                --capacity-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --balance-a-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --feerate-per-kw)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --channel-type)
                    COMPREPLY=($(compgen -W "static_remotekey anchors" -- "${cur}"))
                    return 0
                    ;;
                --reserve-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dust-limit-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-accepted-htlcs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-spike-buffer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-buffer-a)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-buffer-b)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-dust-exposure-a-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-dust-exposure-b-sat)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --network)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__sim__subcmd__help)
            opts="explore help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__sim__subcmd__help__subcmd__explore)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        ln__subcmd__ptlc__subcmd__sim__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _ln__ptlc -o nosort -o bashdefault -o default ln-ptlc
else
    complete -F _ln__ptlc -o bashdefault -o default ln-ptlc
fi
