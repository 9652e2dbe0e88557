_ln__offer() {
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
                cmd="ln__offer"
                ;;
            ln__offer,bip353)
                cmd="ln__offer__subcmd__bip353"
                ;;
            ln__offer,create)
                cmd="ln__offer__subcmd__create"
                ;;
            ln__offer,decode)
                cmd="ln__offer__subcmd__decode"
                ;;
            ln__offer,encode)
                cmd="ln__offer__subcmd__encode"
                ;;
            ln__offer,help)
                cmd="ln__offer__subcmd__help"
                ;;
            ln__offer,periods)
                cmd="ln__offer__subcmd__periods"
                ;;
            ln__offer,verify)
                cmd="ln__offer__subcmd__verify"
                ;;
            ln__offer__subcmd__create,help)
                cmd="ln__offer__subcmd__create__subcmd__help"
                ;;
            ln__offer__subcmd__create,invoice)
                cmd="ln__offer__subcmd__create__subcmd__invoice"
                ;;
            ln__offer__subcmd__create,invoice-request)
                cmd="ln__offer__subcmd__create__subcmd__invoice__subcmd__request"
                ;;
            ln__offer__subcmd__create,offer)
                cmd="ln__offer__subcmd__create__subcmd__offer"
                ;;
            ln__offer__subcmd__create__subcmd__help,help)
                cmd="ln__offer__subcmd__create__subcmd__help__subcmd__help"
                ;;
            ln__offer__subcmd__create__subcmd__help,invoice)
                cmd="ln__offer__subcmd__create__subcmd__help__subcmd__invoice"
                ;;
            ln__offer__subcmd__create__subcmd__help,invoice-request)
                cmd="ln__offer__subcmd__create__subcmd__help__subcmd__invoice__subcmd__request"
                ;;
            ln__offer__subcmd__create__subcmd__help,offer)
                cmd="ln__offer__subcmd__create__subcmd__help__subcmd__offer"
                ;;
            ln__offer__subcmd__help,bip353)
                cmd="ln__offer__subcmd__help__subcmd__bip353"
                ;;
            ln__offer__subcmd__help,create)
                cmd="ln__offer__subcmd__help__subcmd__create"
                ;;
            ln__offer__subcmd__help,decode)
                cmd="ln__offer__subcmd__help__subcmd__decode"
                ;;
            ln__offer__subcmd__help,encode)
                cmd="ln__offer__subcmd__help__subcmd__encode"
                ;;
            ln__offer__subcmd__help,help)
                cmd="ln__offer__subcmd__help__subcmd__help"
                ;;
            ln__offer__subcmd__help,periods)
                cmd="ln__offer__subcmd__help__subcmd__periods"
                ;;
            ln__offer__subcmd__help,verify)
                cmd="ln__offer__subcmd__help__subcmd__verify"
                ;;
            ln__offer__subcmd__help__subcmd__create,invoice)
                cmd="ln__offer__subcmd__help__subcmd__create__subcmd__invoice"
                ;;
            ln__offer__subcmd__help__subcmd__create,invoice-request)
                cmd="ln__offer__subcmd__help__subcmd__create__subcmd__invoice__subcmd__request"
                ;;
            ln__offer__subcmd__help__subcmd__create,offer)
                cmd="ln__offer__subcmd__help__subcmd__create__subcmd__offer"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        ln__offer)
            opts="-h -V --network --json --generate --generate-dir --help --version decode create verify encode bip353 periods help"
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
        ln__subcmd__offer__subcmd__bip353)
            opts="-h --name --proof --now --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --proof)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
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
        ln__subcmd__offer__subcmd__create)
            opts="-h --network --json --help offer invoice-request invoice help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
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
        ln__subcmd__offer__subcmd__create__subcmd__help)
            opts="offer invoice-request invoice help"
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
        ln__subcmd__offer__subcmd__create__subcmd__help__subcmd__help)
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
        ln__subcmd__offer__subcmd__create__subcmd__help__subcmd__invoice)
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
        ln__subcmd__offer__subcmd__create__subcmd__help__subcmd__invoice__subcmd__request)
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
        ln__subcmd__offer__subcmd__create__subcmd__help__subcmd__offer)
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
        ln__subcmd__offer__subcmd__create__subcmd__invoice)
            opts="-h --key-file --invoice-request --preimage --amount --created-at --relative-expiry --path --fee-base --fee-ppm --cltv-delta --min-final-cltv-delta --max-cltv-expiry --htlc-min --htlc-max --mpp --recurrence-basetime --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --invoice-request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --preimage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --created-at)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --relative-expiry)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-base)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fee-ppm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cltv-delta)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --min-final-cltv-delta)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-cltv-expiry)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --htlc-min)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --htlc-max)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mpp)
                    COMPREPLY=($(compgen -W "optional compulsory" -- "${cur}"))
                    return 0
                    ;;
                --recurrence-basetime)
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
        ln__subcmd__offer__subcmd__create__subcmd__invoice__subcmd__request)
            opts="-h --key-file --offer --amount --quantity --payer-note --bip353 --chain --metadata --features --recurrence-counter --recurrence-start --recurrence-cancel --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --offer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quantity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --payer-note)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bip353)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --chain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metadata)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --features)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence-counter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence-start)
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
        ln__subcmd__offer__subcmd__create__subcmd__offer)
            opts="-h --key-file --amount --currency --description --issuer --absolute-expiry --quantity-max --metadata --features --chain --path --no-issuer-id --recurrence --recurrence-optional --recurrence-base --recurrence-proportional --recurrence-paywindow --recurrence-limit --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --currency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --issuer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --absolute-expiry)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quantity-max)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metadata)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --features)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --chain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence-base)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence-paywindow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recurrence-limit)
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
        ln__subcmd__offer__subcmd__decode)
            opts="-h --raw --type --now --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --type)
                    COMPREPLY=($(compgen -W "offer invoice-request invoice invoice-error" -- "${cur}"))
                    return 0
                    ;;
                --now)
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
        ln__subcmd__offer__subcmd__encode)
            opts="-h --hrp --hex --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --hrp)
                    COMPREPLY=($(compgen -W "lno lnr lni" -- "${cur}"))
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
        ln__subcmd__offer__subcmd__help)
            opts="decode create verify encode bip353 periods help"
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
        ln__subcmd__offer__subcmd__help__subcmd__bip353)
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
        ln__subcmd__offer__subcmd__help__subcmd__create)
            opts="offer invoice-request invoice"
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
        ln__subcmd__offer__subcmd__help__subcmd__create__subcmd__invoice)
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
        ln__subcmd__offer__subcmd__help__subcmd__create__subcmd__invoice__subcmd__request)
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
        ln__subcmd__offer__subcmd__help__subcmd__create__subcmd__offer)
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
        ln__subcmd__offer__subcmd__help__subcmd__decode)
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
        ln__subcmd__offer__subcmd__help__subcmd__encode)
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
        ln__subcmd__offer__subcmd__help__subcmd__help)
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
        ln__subcmd__offer__subcmd__help__subcmd__periods)
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
        ln__subcmd__offer__subcmd__help__subcmd__verify)
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
        ln__subcmd__offer__subcmd__periods)
            opts="-h --offer --time-unit --period --basetime --paywindow --amount --proportional --first --count --now --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --offer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --time-unit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --period)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --basetime)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --paywindow)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --amount)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --first)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
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
        ln__subcmd__offer__subcmd__verify)
            opts="-h --offer --invoice-request --invoice --preimage --now --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --offer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --invoice-request)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --invoice)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --preimage)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
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
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _ln__offer -o nosort -o bashdefault -o default ln-offer
else
    complete -F _ln__offer -o bashdefault -o default ln-offer
fi
