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
            ln__ptlc,adaptor)
                cmd="ln__ptlc__subcmd__adaptor"
                ;;
            ln__ptlc,extract)
                cmd="ln__ptlc__subcmd__extract"
                ;;
            ln__ptlc,help)
                cmd="ln__ptlc__subcmd__help"
                ;;
            ln__ptlc,lock)
                cmd="ln__ptlc__subcmd__lock"
                ;;
            ln__ptlc,musig2)
                cmd="ln__ptlc__subcmd__musig2"
                ;;
            ln__ptlc,sim)
                cmd="ln__ptlc__subcmd__sim"
                ;;
            ln__ptlc__subcmd__adaptor,adapt)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__adapt"
                ;;
            ln__ptlc__subcmd__adaptor,convert)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__convert"
                ;;
            ln__ptlc__subcmd__adaptor,extract)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__extract"
                ;;
            ln__ptlc__subcmd__adaptor,help)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help"
                ;;
            ln__ptlc__subcmd__adaptor,presign)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__presign"
                ;;
            ln__ptlc__subcmd__adaptor,verify)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__verify"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,adapt)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__adapt"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,convert)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__convert"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,extract)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__extract"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,help)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__help"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,presign)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__presign"
                ;;
            ln__ptlc__subcmd__adaptor__subcmd__help,verify)
                cmd="ln__ptlc__subcmd__adaptor__subcmd__help__subcmd__verify"
                ;;
            ln__ptlc__subcmd__help,adaptor)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor"
                ;;
            ln__ptlc__subcmd__help,extract)
                cmd="ln__ptlc__subcmd__help__subcmd__extract"
                ;;
            ln__ptlc__subcmd__help,help)
                cmd="ln__ptlc__subcmd__help__subcmd__help"
                ;;
            ln__ptlc__subcmd__help,lock)
                cmd="ln__ptlc__subcmd__help__subcmd__lock"
                ;;
            ln__ptlc__subcmd__help,musig2)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2"
                ;;
            ln__ptlc__subcmd__help,sim)
                cmd="ln__ptlc__subcmd__help__subcmd__sim"
                ;;
            ln__ptlc__subcmd__help__subcmd__adaptor,adapt)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor__subcmd__adapt"
                ;;
            ln__ptlc__subcmd__help__subcmd__adaptor,convert)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor__subcmd__convert"
                ;;
            ln__ptlc__subcmd__help__subcmd__adaptor,extract)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor__subcmd__extract"
                ;;
            ln__ptlc__subcmd__help__subcmd__adaptor,presign)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor__subcmd__presign"
                ;;
            ln__ptlc__subcmd__help__subcmd__adaptor,verify)
                cmd="ln__ptlc__subcmd__help__subcmd__adaptor__subcmd__verify"
                ;;
            ln__ptlc__subcmd__help__subcmd__lock,check)
                cmd="ln__ptlc__subcmd__help__subcmd__lock__subcmd__check"
                ;;
            ln__ptlc__subcmd__help__subcmd__lock,derive)
                cmd="ln__ptlc__subcmd__help__subcmd__lock__subcmd__derive"
                ;;
            ln__ptlc__subcmd__help__subcmd__lock,settle)
                cmd="ln__ptlc__subcmd__help__subcmd__lock__subcmd__settle"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,aggregate)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__aggregate"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,keyagg)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__keyagg"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,nonce)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__nonce"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,partial-verify)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__partial__subcmd__verify"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,sign)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__sign"
                ;;
            ln__ptlc__subcmd__help__subcmd__musig2,verify)
                cmd="ln__ptlc__subcmd__help__subcmd__musig2__subcmd__verify"
                ;;
            ln__ptlc__subcmd__help__subcmd__sim,explore)
                cmd="ln__ptlc__subcmd__help__subcmd__sim__subcmd__explore"
                ;;
            ln__ptlc__subcmd__lock,check)
                cmd="ln__ptlc__subcmd__lock__subcmd__check"
                ;;
            ln__ptlc__subcmd__lock,derive)
                cmd="ln__ptlc__subcmd__lock__subcmd__derive"
                ;;
            ln__ptlc__subcmd__lock,help)
                cmd="ln__ptlc__subcmd__lock__subcmd__help"
                ;;
            ln__ptlc__subcmd__lock,settle)
                cmd="ln__ptlc__subcmd__lock__subcmd__settle"
                ;;
            ln__ptlc__subcmd__lock__subcmd__help,check)
                cmd="ln__ptlc__subcmd__lock__subcmd__help__subcmd__check"
                ;;
            ln__ptlc__subcmd__lock__subcmd__help,derive)
                cmd="ln__ptlc__subcmd__lock__subcmd__help__subcmd__derive"
                ;;
            ln__ptlc__subcmd__lock__subcmd__help,help)
                cmd="ln__ptlc__subcmd__lock__subcmd__help__subcmd__help"
                ;;
            ln__ptlc__subcmd__lock__subcmd__help,settle)
                cmd="ln__ptlc__subcmd__lock__subcmd__help__subcmd__settle"
                ;;
            ln__ptlc__subcmd__musig2,aggregate)
                cmd="ln__ptlc__subcmd__musig2__subcmd__aggregate"
                ;;
            ln__ptlc__subcmd__musig2,help)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help"
                ;;
            ln__ptlc__subcmd__musig2,keyagg)
                cmd="ln__ptlc__subcmd__musig2__subcmd__keyagg"
                ;;
            ln__ptlc__subcmd__musig2,nonce)
                cmd="ln__ptlc__subcmd__musig2__subcmd__nonce"
                ;;
            ln__ptlc__subcmd__musig2,partial-verify)
                cmd="ln__ptlc__subcmd__musig2__subcmd__partial__subcmd__verify"
                ;;
            ln__ptlc__subcmd__musig2,sign)
                cmd="ln__ptlc__subcmd__musig2__subcmd__sign"
                ;;
            ln__ptlc__subcmd__musig2,verify)
                cmd="ln__ptlc__subcmd__musig2__subcmd__verify"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,aggregate)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__aggregate"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,help)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__help"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,keyagg)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__keyagg"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,nonce)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__nonce"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,partial-verify)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__partial__subcmd__verify"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,sign)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__sign"
                ;;
            ln__ptlc__subcmd__musig2__subcmd__help,verify)
                cmd="ln__ptlc__subcmd__musig2__subcmd__help__subcmd__verify"
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
            opts="-h -V --network --json --generate --generate-dir --help --version musig2 adaptor lock extract sim help"
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
        ln__subcmd__ptlc__subcmd__adaptor)
            opts="-h --network --json --help presign verify adapt extract convert help"
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__adapt)
            opts="-h --presig --encoding --secret-file --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --presig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
                    return 0
                    ;;
                --secret-file)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__convert)
            opts="-h --presig --adaptor --to --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --presig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__extract)
            opts="-h --presig --encoding --sig --tx --adaptor --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --presig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
                    return 0
                    ;;
                --sig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tx)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help)
            opts="presign verify adapt extract convert help"
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__adapt)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__convert)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__extract)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__help)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__presign)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__help__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__presign)
            opts="-h --key-file --msg --adaptor --aux --encoding --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aux)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
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
        ln__subcmd__ptlc__subcmd__adaptor__subcmd__verify)
            opts="-h --pubkey --msg --adaptor --presig --encoding --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --presig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
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
        ln__subcmd__ptlc__subcmd__extract)
            opts="-h --presig --encoding --sig --tx --adaptor --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --presig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
                    return 0
                    ;;
                --sig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tx)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
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
        ln__subcmd__ptlc__subcmd__help)
            opts="musig2 adaptor lock extract sim help"
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor)
            opts="presign verify adapt extract convert"
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor__subcmd__adapt)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor__subcmd__convert)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor__subcmd__extract)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor__subcmd__presign)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__adaptor__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__extract)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__lock)
            opts="derive settle check"
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
        ln__subcmd__ptlc__subcmd__help__subcmd__lock__subcmd__check)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__lock__subcmd__derive)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__lock__subcmd__settle)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2)
            opts="keyagg nonce sign partial-verify aggregate verify"
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__aggregate)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__keyagg)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__nonce)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__partial__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__sign)
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
        ln__subcmd__ptlc__subcmd__help__subcmd__musig2__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__lock)
            opts="-h --network --json --help derive settle check help"
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__check)
            opts="-h --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__derive)
            opts="-h --recipient-point --hops --seed --tweak --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --recipient-point)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hops)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__help)
            opts="derive settle check help"
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__help__subcmd__check)
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__help__subcmd__derive)
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__help__subcmd__help)
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__help__subcmd__settle)
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
        ln__subcmd__ptlc__subcmd__lock__subcmd__settle)
            opts="-h --secret-file --recipient-point --hops --seed --tweak --signer-seed --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --secret-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-point)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hops)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signer-seed)
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
        ln__subcmd__ptlc__subcmd__musig2)
            opts="-h --network --json --help keyagg nonce sign partial-verify aggregate verify help"
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__aggregate)
            opts="-h --pubkey --sort --tweak --xonly --msg --adaptor --convention --psig --encoding --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --convention)
                    COMPREPLY=($(compgen -W "nonce-coefficient final-nonce" -- "${cur}"))
                    return 0
                    ;;
                --psig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoding)
                    COMPREPLY=($(compgen -W "adapted unadapted" -- "${cur}"))
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help)
            opts="keyagg nonce sign partial-verify aggregate verify help"
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__aggregate)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__help)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__keyagg)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__nonce)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__partial__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__sign)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__help__subcmd__verify)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__keyagg)
            opts="-h --pubkey --sort --tweak --xonly --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__nonce)
            opts="-h --key-file --secnonce-out --signer --msg --pubkey --sort --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secnonce-out)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pubkey)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__partial__subcmd__verify)
            opts="-h --pubkey --sort --tweak --xonly --msg --adaptor --convention --nonce --psig --signer --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --convention)
                    COMPREPLY=($(compgen -W "nonce-coefficient final-nonce" -- "${cur}"))
                    return 0
                    ;;
                --nonce)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --psig)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signer)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__sign)
            opts="-h --pubkey --sort --tweak --xonly --msg --adaptor --convention --key-file --secnonce --nonce --state-dir --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tweak)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adaptor)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --convention)
                    COMPREPLY=($(compgen -W "nonce-coefficient final-nonce" -- "${cur}"))
                    return 0
                    ;;
                --key-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --secnonce)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --nonce)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state-dir)
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
        ln__subcmd__ptlc__subcmd__musig2__subcmd__verify)
            opts="-h --pubkey --msg --sig --network --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --pubkey)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --msg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sig)
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
